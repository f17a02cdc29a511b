/** What every /api/v1 endpoint shares: RFC 9457 problem responses, strict JSON reading, body limits. */
@NullMarked
package io.trinity.web.api;

import org.jspecify.annotations.NullMarked;
