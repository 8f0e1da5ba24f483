/**
 * Other blogs read into the records of a Spaces bundle. A {@link dev.spaces.commons.migration.SiteSource} (Typecho's
 * database or its mysqldump, a WordPress WXR file) pushes {@link dev.spaces.commons.migration.bundle.BundleRecord}s
 * to a {@link dev.spaces.commons.migration.BundleSink} in the order an importer can store them (members and terms
 * before the articles naming them, articles before their comments, a comment's parent before it), one at a time, so
 * a site of any size is read in flat memory. What it cannot take over, or had to repair, it reports as a
 * {@link dev.spaces.commons.migration.SourceNote}; input it cannot read at all is a
 * {@link dev.spaces.commons.migration.SourceProblem}, raised before anything is pushed when it can be seen up front.
 */
package dev.spaces.commons.migration;
