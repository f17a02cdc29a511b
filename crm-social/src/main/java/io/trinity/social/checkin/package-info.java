/** Check-ins: Trinity's own signed in-store webhook (QR codes, geofences) turned into CHECKIN activities. */
@NullMarked
package io.trinity.social.checkin;

import org.jspecify.annotations.NullMarked;
