-- A small Chinese math blog on Typecho 1.2.1, loaded into the tables Typecho's own install SQL (Mysql.sql,
-- SQLite.sql, copied verbatim from typecho/typecho v1.2.1) creates. Written in the SQL both MariaDB (with
-- NO_BACKSLASH_ESCAPES, so LaTeX keeps its backslashes) and SQLite read; statements end with a semicolon at the end
-- of a line. The tests check every value below against what TypechoSource pushes.

-- the views column a counter plugin adds to contents (kexue.fm has one)
ALTER TABLE typecho_contents ADD COLUMN `views` int(10) default '0';

INSERT INTO typecho_options (`name`, `user`, `value`) VALUES
('title', 0, '数学小站'),
('description', 0, '分析、代数与一点物理'),
('siteUrl', 0, 'https://math.example.cn'),
('timezone', 0, '28800'),
('generator', 0, 'Typecho 1.2.1'),
('lang', 0, 'zh_CN'),
('commentsMarkdown', 0, '0'),
('postsListSize', 0, '10'),
('secret', 0, 'not-for-the-bundle'),
('plugins', 0, 'a:0:{}'),
('autoSave', 0, '0'),
('autoSave', 1, '1');

INSERT INTO typecho_users (`uid`, `name`, `password`, `mail`, `url`, `screenName`, `created`, `activated`, `logged`, `group`, `authCode`) VALUES
(1, 'admin', '$P$Bxxxxxxxx', 'admin@math.example.cn', 'https://math.example.cn', '数学君', 1262304000, 1700000000, 1700000000, 'administrator', NULL),
(2, 'lin', '$P$Byyyyyyyy', 'lin@math.example.cn', NULL, '小林', 1293840000, 0, 0, 'editor', NULL),
(3, 'reader', '$P$Bzzzzzzzz', 'reader@example.com', '', '', 1325376000, 0, 0, 'subscriber', NULL),
(4, 'guestwriter', '$P$Bwwwwwwww', 'writer@example.com', 'https://writer.example', '投稿人', 1356998400, 0, 0, 'contributor', NULL);

-- categories nest 数学 > 分析 > 泛函分析; 泛函分析 (mid 3) was made a child of 分析 (mid 5) created after it
INSERT INTO typecho_metas (`mid`, `name`, `slug`, `type`, `description`, `count`, `order`, `parent`) VALUES
(1, '默认分类', 'default', 'category', '只是一个默认分类', 3, 1, 0),
(2, '数学', 'math', 'category', '数学文章', 2, 2, 0),
(3, '泛函分析', 'functional-analysis', 'category', NULL, 1, 1, 5),
(4, '积分', 'integral', 'tag', NULL, 1, 0, 0),
(5, '分析', 'analysis', 'category', '', 1, 1, 2),
(6, '傅里叶', 'fourier', 'tag', NULL, 2, 0, 0),
(7, '概率', 'probability', 'tag', NULL, 1, 0, 0);

INSERT INTO typecho_contents (`cid`, `title`, `slug`, `created`, `modified`, `text`, `order`, `authorId`, `template`, `type`, `status`, `password`, `commentsNum`, `allowComment`, `allowPing`, `allowFeed`, `parent`, `views`) VALUES
(1, '从 Basel 问题谈起', 'basel', 1577836800, 1577923200, '<!--markdown-->欧拉证明了
$$\sum_{n=1}^{\infty} \frac{1}{n^2} = \frac{\pi^2}{6}$$

<!--more-->

下面用傅里叶级数再证一次：$f(x) = x$ 在 $[-\pi, \pi]$ 上……

![图片](https://math.example.cn/usr/uploads/2020/01/basel.png)', 0, 1, NULL, 'post', 'publish', NULL, 6, '1', '1', '1', 0, 12345),
(2, '关于', 'about', 1262390400, 1262390400, '<p>这里记录<strong>数学</strong>学习的点滴。</p>', 1, 1, NULL, 'page', 'publish', NULL, 1, '1', '0', '1', 0, 678),
(3, 'basel.png', 'basel-png', 1577836700, 1577836700, 'a:5:{s:4:"name";s:10:"图片.png";s:4:"path";s:28:"/usr/uploads/2020/01/bas.png";s:4:"size";i:20480;s:4:"type";s:3:"png";s:4:"mime";s:9:"image/png";}', 1, 1, NULL, 'attachment', 'publish', NULL, 0, '1', '0', '1', 1, 0),
(4, '傅里叶变换的一个不等式', 'fourier-inequality', 1615706126, 1615710000, '<!--markdown-->Plancherel 定理：$\|\hat{f}\|_2 = \|f\|_2$。

<!--more-->

进一步有 Hausdorff–Young 不等式 $\|\hat f\|_{p''} \le \|f\|_p$。', 0, 2, NULL, 'post', 'publish', '', 4, '1', '1', '1', 0, 999),
(5, '未完成的草稿', 'draft-5', 1700000000, 1700000100, '<!--markdown-->还没写完的 $\int_0^1 x\,dx$', 0, 1, NULL, 'post_draft', 'publish', NULL, 0, '1', '1', '1', 0, 0),
(6, '隐藏的文章', 'hidden-post', 1600000000, 1600000000, '<p>只有知道链接的人能看到</p>', 0, 1, NULL, 'post', 'hidden', NULL, 0, '0', '1', '1', 0, 5),
(7, '加密的文章', 'protected-post', 1610000000, 1610000000, '<!--markdown-->需要密码', 0, 1, NULL, 'post', 'publish', 'secret', 0, '1', '1', '1', 0, 7),
(8, '投稿：概率论小记', 'probability-notes', 1620000000, 1620000000, '<!--markdown-->设 $X \sim N(0,1)$', 0, 4, NULL, 'post', 'waiting', NULL, 0, '1', '1', '1', 0, 0),
(9, 'notes.pdf', 'notes-pdf', 1630000000, 1630000000, '{"name":"\u8bb2\u4e49.pdf","path":"\/usr\/uploads\/2021\/08\/notes.pdf","size":102400,"type":"pdf","mime":"application\/pdf"}', 2, 1, NULL, 'attachment', 'publish', NULL, 0, '1', '0', '1', 0, 0),
(10, '傅里叶变换的一个不等式（修改中）', 'fourier-inequality-edit', 1615706126, 1640000000, '<!--markdown-->改了一半', 0, 2, NULL, 'post_draft', 'publish', NULL, 0, '1', '1', '1', 4, 0),
(11, '定时发布：新年快乐', 'happy-2099', 4070908800, 4070908800, '新年快乐', 0, 1, NULL, 'post', 'publish', NULL, 0, '1', '1', '1', 0, 0),
(12, '从 Basel 问题谈起', 'revision-12', 1577836800, 1650000000, '<!--markdown-->修订中', 0, 1, NULL, 'revision', 'publish', NULL, 0, '1', '1', '1', 1, 0);

INSERT INTO typecho_relationships (`cid`, `mid`) VALUES
(1, 2), (1, 4), (1, 5), (1, 6),
(4, 3), (4, 6),
(5, 1),
(6, 1),
(7, 1),
(8, 2), (8, 7),
(11, 1);

-- a thread on post 1 three levels deep (guest → the admin → the guest again), a registered reader's comment, a
-- waiting and a spam comment, a pingback; on post 4 a trackback, a comment left for TextRepair (9) and replies to a
-- comment with a higher number (10 → 12, 11 → 10: a thread a plugin moved); a comment on a post deleted long ago
-- (8) and replies to comments that are gone (13 → 40, 14 → 8); a comment on the About page by a user deleted since (16)
INSERT INTO typecho_comments (`coid`, `cid`, `created`, `author`, `authorId`, `ownerId`, `mail`, `url`, `ip`, `agent`, `text`, `type`, `status`, `parent`) VALUES
(1, 1, 1577840400, '张三', 0, 1, 'zhangsan@example.com', 'https://zhangsan.example', '203.0.113.7', 'Mozilla/5.0 (Windows NT 10.0)', '请问 $\zeta(2)$ 的这个证明对 $\zeta(4)$ 也适用吗？', 'comment', 'approved', 0),
(2, 1, 1577844000, '数学君', 1, 1, 'admin@math.example.cn', 'https://math.example.cn', '198.51.100.1', 'Mozilla/5.0 (X11; Linux x86_64)', '适用，结果是 $\frac{\pi^4}{90}$。', 'comment', 'approved', 1),
(3, 1, 1577847600, '张三', 0, 1, 'zhangsan@example.com', 'https://zhangsan.example', '203.0.113.7', 'Mozilla/5.0 (Windows NT 10.0)', '明白了，谢谢！', 'comment', 'approved', 2),
(4, 1, 1577851200, '读者甲', 3, 1, 'reader@example.com', NULL, '192.0.2.44', 'Mozilla/5.0 (Macintosh)', '写得很清楚。', 'comment', 'approved', 0),
(5, 1, 1577854800, '王五', 0, 1, 'wangwu@example.com', NULL, '192.0.2.55', 'Mozilla/5.0', '等待审核的评论', 'comment', 'waiting', 0),
(6, 1, 1577858400, 'cheap pills', 0, 1, 'spam@spam.example', 'http://spam.example', '192.0.2.66', 'curl/7.0', 'buy now', 'comment', 'spam', 0),
(7, 4, 1615800000, '某博客', 0, 2, NULL, 'https://blog.example.org/post/1', '192.0.2.77', 'WordPress/5.0', '[...] 引用了这篇关于傅里叶变换的文章 [...]', 'trackback', 'approved', 0),
(8, 99, 1500000000, '路人', 0, 1, NULL, NULL, '192.0.2.88', 'Mozilla/5.0', '早已删除的文章下的评论', 'comment', 'approved', 0),
(9, 4, 1615803600, '李四', 0, 2, 'lisi@example.com', NULL, '192.0.2.99', 'Mozilla/5.0', '数学很美', 'comment', 'approved', 0),
(10, 4, 1615807200, '赵六', 0, 2, NULL, NULL, '192.0.2.10', 'Mozilla/5.0', '回复较晚编号的评论', 'comment', 'approved', 12),
(11, 4, 1615810800, '张三', 0, 2, 'zhangsan@example.com', NULL, '203.0.113.7', 'Mozilla/5.0', '再回复', 'comment', 'approved', 10),
(12, 4, 1615700000, '孙七', 0, 2, NULL, NULL, '192.0.2.12', 'Mozilla/5.0', '从别处移来的评论', 'comment', 'approved', 0),
(13, 4, 1615814400, '周八', 0, 2, NULL, NULL, '192.0.2.13', 'Mozilla/5.0', '回复一条已删除的评论', 'comment', 'approved', 40),
(14, 1, 1577862000, '吴九', 0, 1, NULL, NULL, '192.0.2.14', 'Mozilla/5.0', '回复一条没有导入的评论', 'comment', 'approved', 8),
(15, 1, 1577865600, 'Another Blog', 0, 1, NULL, 'https://another.example/basel', '192.0.2.15', 'Typecho', 'Basel 问题的另一个证明', 'pingback', 'approved', 0),
(16, 2, 1262476800, '郑十', 9, 1, 'zheng@example.com', NULL, '192.0.2.16', 'Mozilla/5.0', '博主好！', 'comment', 'approved', 0);
