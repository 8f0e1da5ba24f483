package dev.spaces.commons.migration;

import dev.spaces.commons.migration.bundle.BundleRecord;

import java.util.ArrayList;
import java.util.List;

/** Keeps what a source pushed, in order (for small fixtures only): the tests of every source read it. */
public final class RecordingSink implements BundleSink {

    public final List<BundleRecord> records = new ArrayList<>();
    public final List<SourceNote> notes = new ArrayList<>();

    @Override
    public void accept(BundleRecord record) {
        records.add(record);
    }

    @Override
    public void note(SourceNote note) {
        notes.add(note);
    }

    public <T extends BundleRecord> List<T> all(Class<T> type) {
        return records.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public List<SourceNote> notesOn(String item) {
        return notes.stream().filter(n -> n.item().equals(item)).toList();
    }
}
