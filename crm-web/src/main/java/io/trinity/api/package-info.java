/**
 * What every /api/v1 endpoint shares: RFC 9457 problem responses, strict JSON reading, body and media-type
 * guards, and telling a database outage from everything else. Lives in crm-web.
 */
@ApplicationModule(displayName = "API plumbing")
@NullMarked
package io.trinity.api;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
