package dev.spaces.site.view;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TocTest {

    @Test
    void subheadingsNestUnderTheirHeadingInsteadOfContinuingItsNumbering() {
        List<Toc.Entry> entries = Toc.of("""
                <h2 id="a">一</h2><h3 id="a1">一.1</h3><h3 id="a2">一.2</h3><h4 id="a2x">一.2.x</h4>
                <h2 id="b">二</h2><h4 id="b1">二.skip</h4><h3 id="b2">二.1</h3>""");
        List<Toc.Node> tree = Toc.tree(entries);
        assertThat(tree).extracting(Toc.Node::id).containsExactly("a", "b");
        assertThat(tree.get(0).children()).extracting(Toc.Node::id).containsExactly("a1", "a2");
        assertThat(tree.get(0).children().get(1).children()).extracting(Toc.Node::id).containsExactly("a2x");
        assertThat(tree.get(1).children()).as("a skipped level still lands under its h2")
                .extracting(Toc.Node::id).containsExactly("b1", "b2");
    }

    @Test
    void aSubheadingBeforeAnyHeadingStartsTheList() {
        List<Toc.Node> tree = Toc.tree(List.of(new Toc.Entry("x", "x", 3), new Toc.Entry("y", "y", 2)));
        assertThat(tree).extracting(Toc.Node::id).containsExactly("x", "y");
        assertThat(tree.get(0).hasChildren()).isFalse();
    }
}
