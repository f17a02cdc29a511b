/** Benchmarks of the scoring pipeline against a raw-SQL floor measured in the same run (see docs/benchmarks.md). */
@NullMarked
package io.trinity.bench;

import org.jspecify.annotations.NullMarked;
