/**
 * Staff accounts, sign-in throttling and the staff audit. Owns staff_user, staff_user_role, sign_in_throttle and
 * staff_audit; publishes staff_roles. Lives in crm-core.
 */
@ApplicationModule(displayName = "Staff")
@NullMarked
package io.trinity.staff;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
