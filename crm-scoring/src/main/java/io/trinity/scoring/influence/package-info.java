/** Influence: reach, publishing, engagement, brand amplification and graph centrality (PageRank). */
@NullMarked
package io.trinity.scoring.influence;

import org.jspecify.annotations.NullMarked;
