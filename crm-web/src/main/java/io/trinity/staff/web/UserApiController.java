package io.trinity.staff.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trinity.staff.Role;
import io.trinity.staff.StaffAccount;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/users}: list and create staff accounts. Passwords are write-only. */
@RestController
@RequestMapping("/api/v1/users")
class UserApiController {

    private final StaffAdministration administration;

    UserApiController(StaffAdministration administration) {
        this.administration = administration;
    }

    @GetMapping
    List<UserResponse> list() {
        return administration.list().stream().map(UserResponse::of).toList();
    }

    @PostMapping
    ResponseEntity<UserResponse> create(@RequestBody UserRequest request, java.security.Principal principal) {
        StaffAccount account = administration.create(request.username(), request.password(), request.displayName(),
                request.roles(), principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/users/" + account.username()))
                .body(UserResponse.of(account));
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record UserRequest(@Nullable String username, @Nullable String password, @Nullable String displayName,
            @Nullable List<String> roles) {
    }

    record UserResponse(String username, @Nullable String displayName, boolean enabled, List<String> roles) {

        static UserResponse of(StaffAccount account) {
            return new UserResponse(account.username(), account.displayName(), account.enabled(),
                    account.roles().stream().map(Role::name).sorted().toList());
        }
    }
}
