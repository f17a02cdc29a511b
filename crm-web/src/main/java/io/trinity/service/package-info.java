/**
 * The single customer view and the service desk: the customer profile, cases and the moments queue, composed from
 * the features that hold their parts. Lives in crm-web.
 */
@ApplicationModule(displayName = "Service desk")
@NullMarked
package io.trinity.service;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
