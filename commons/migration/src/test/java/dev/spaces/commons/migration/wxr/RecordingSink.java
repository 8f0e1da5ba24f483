package dev.spaces.commons.migration.wxr;

import dev.spaces.commons.migration.BundleSink;
import dev.spaces.commons.migration.SourceNote;
import dev.spaces.commons.migration.bundle.BundleRecord;

import java.util.ArrayList;
import java.util.List;

/** Keeps what a source pushed, in order (for small fixtures only). */
final class RecordingSink implements BundleSink {

    final List<BundleRecord> records = new ArrayList<>();
    final List<SourceNote> notes = new ArrayList<>();

    @Override
    public void accept(BundleRecord record) {
        records.add(record);
    }

    @Override
    public void note(SourceNote note) {
        notes.add(note);
    }

    <T extends BundleRecord> List<T> all(Class<T> type) {
        return records.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<SourceNote> notesOn(String item) {
        return notes.stream().filter(n -> n.item().equals(item)).toList();
    }
}
