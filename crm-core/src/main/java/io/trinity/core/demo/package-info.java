/**
 * Northwind Outfitters, a believable outdoor retailer generated from a seed: the demo's data and the benchmarks'
 * load. Written with COPY, so it scales from 2,000 to 1,000,000 customers.
 */
@NullMarked
package io.trinity.core.demo;

import org.jspecify.annotations.NullMarked;
