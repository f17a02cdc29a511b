/**
 * Sign-in for the console and the API: accounts, throttling of guessing, default passwords, and who may call
 * what. Lives in crm-web.
 */
@ApplicationModule(displayName = "Security")
@NullMarked
package io.trinity.security;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
