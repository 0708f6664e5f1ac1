package cn.qujiang.youth.talent.contacts;

import cn.qujiang.youth.kit.web.ApiException;
import cn.qujiang.youth.talent.profile.ProfileService;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Contact details for notification-service's service account (role contact-reader) only; never routed by the
 * gateway. Nothing is cached by the caller, so an erased applicant is unreachable at once (404).
 */
@RestController
class ContactsController {
    private final ProfileService profiles;

    ContactsController(ProfileService profiles) {
        this.profiles = profiles;
    }

    record ContactView(String applicantId, String name, String phone, String email, String preferredLanguage) {
    }

    @Operation(summary = "Decrypted contact details of an applicant (internal, contact-reader)")
    @GetMapping("/internal/contacts/{applicantId}")
    ResponseEntity<ContactView> contact(@PathVariable String applicantId) {
        return profiles.find(applicantId)
                .map(profile -> ResponseEntity.ok().cacheControl(CacheControl.noStore())
                        .body(new ContactView(profile.applicantId(), profile.personal().name(),
                                profile.personal().phone(), profile.personal().email(), profile.preferredLanguage())))
                .orElseThrow(() -> ApiException.notFound("applicant"));
    }
}
