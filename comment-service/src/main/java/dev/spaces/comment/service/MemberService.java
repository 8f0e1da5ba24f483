package dev.spaces.comment.service;

import dev.spaces.comment.domain.Member;
import dev.spaces.comment.repository.CommentRepository;
import dev.spaces.comment.repository.MemberRepository;
import dev.spaces.comment.api.MemberPreferencesRequest;
import dev.spaces.comment.api.MemberResponse;
import dev.spaces.comment.api.MemberUpdateRequest;
import dev.spaces.commons.problem.ProblemException;
import dev.spaces.commons.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;

/**
 * Members are provisioned from token claims on their first authenticated request; there is no sign-up API
 * (Keycloak owns registration). Deleting an account anonymizes it: comments stay, shown as 已注销用户.
 */
@ApplicationScoped
public class MemberService {

    private final MemberRepository members;
    private final CommentRepository comments;
    private final DisplayNames names;
    private final CommentEvents events;

    public MemberService(MemberRepository members, CommentRepository comments, DisplayNames names,
                         CommentEvents events) {
        this.members = members;
        this.comments = comments;
        this.names = names;
        this.events = events;
    }

    /** The caller's member record, created on first use; keeps the moderator badge in step with the token. */
    @Transactional
    public Member current(Caller caller) {
        if (!caller.authenticated()) {
            throw new io.quarkus.security.UnauthorizedException();
        }
        Member member = members.findBySubject(caller.subject()).orElse(null);
        if (member == null) {
            boolean created = members.insertIfAbsent(caller.subject(), caller.username(), caller.email(),
                    names.firstUsable(caller.isModerator(), "读者", caller.displayName(), caller.username()),
                    caller.isModerator(), Instant.now());
            member = members.findBySubject(caller.subject()).orElseThrow();
            if (created) {
                events.memberCreated(member);
            }
        } else if (member.moderator != caller.isModerator()) {
            member.moderator = caller.isModerator();
        }
        return member;
    }

    @Transactional
    public MemberResponse me(Caller caller) {
        return own(current(caller));
    }

    @Transactional
    public MemberResponse update(Caller caller, MemberUpdateRequest request) {
        Member member = current(caller);
        member.displayName = names.require(request.displayName(), caller.isModerator());
        member.website = DisplayNames.nonBlank(request.website()).orElse(null);
        member.bio = DisplayNames.nonBlank(request.bio()).map(String::strip).orElse(null);
        if (request.notifyOnReply() != null) {
            member.notifyOnReply = request.notifyOnReply();
        }
        return own(member);
    }

    /** Mail preferences (mail.*): only what the request names changes. */
    @Transactional
    public MemberResponse updatePreferences(Caller caller, MemberPreferencesRequest request) {
        Member member = current(caller);
        if (request.notifyOnReply() != null) {
            member.notifyOnReply = request.notifyOnReply();
        }
        if (request.notifyOnNewComment() != null) {
            member.notifyOnNewComment = request.notifyOnNewComment();
        }
        if (request.moderationDigest() != null) {
            member.moderationDigest = request.moderationDigest();
        }
        if (request.mailLanguage() != null) {
            member.mailLanguage = request.mailLanguage();
        }
        return own(member);
    }

    /** Anonymizes the account; a later login with the same identity starts a fresh member. */
    @Transactional
    public void delete(Caller caller) {
        Member member = current(caller);
        member.displayName = DisplayNames.DELETED_MEMBER;
        member.subject = "deleted:" + member.id;
        member.username = null;
        member.email = null;
        member.website = null;
        member.bio = null;
        member.notifyOnReply = false;
        member.notifyOnNewComment = false;
        member.moderationDigest = false;
        member.moderator = false;
        member.deletedAt = Instant.now();
    }

    @Transactional
    public MemberResponse publicProfile(long id) {
        Member member = members.findByIdOptional(id).filter(m -> !m.deleted())
                .orElseThrow(() -> ProblemException.notFound("Member " + id));
        return new MemberResponse(member.id, member.displayName, member.website, member.bio, member.joinedAt,
                comments.approvedCount(member), null, null, null, null, null);
    }

    private MemberResponse own(Member member) {
        return new MemberResponse(member.id, member.displayName, member.website, member.bio, member.joinedAt,
                comments.approvedCount(member), member.email, member.notifyOnReply, member.notifyOnNewComment,
                member.moderationDigest, member.mailLanguage);
    }
}
