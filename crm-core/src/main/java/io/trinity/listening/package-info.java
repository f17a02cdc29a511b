/**
 * The PR team's inbox of mentions, comments and reviews, and its influencer list. Owns conversation_state. Lives
 * in crm-core, crm-scoring.
 */
@ApplicationModule(displayName = "PR listening")
@NullMarked
package io.trinity.listening;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
