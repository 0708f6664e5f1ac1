package cn.qujiang.youth.talent.eventkey;

import cn.qujiang.youth.contracts.EventKey;
import cn.qujiang.youth.kit.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * An applicant's event key for the service accounts that open sealed event parts (role event-key-reader); never
 * routed by the gateway. 404 once the applicant is erased: their events are then skipped as erased.
 */
@RestController
class EventKeyController {
    private final EventKeys keys;

    EventKeyController(EventKeys keys) {
        this.keys = keys;
    }

    @Operation(summary = "The event key of an applicant (internal, event-key-reader)")
    @GetMapping("/internal/event-keys/{applicantId}")
    ResponseEntity<EventKey> key(@PathVariable String applicantId) {
        return keys.findStored(applicantId)
                .map(key -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(key))
                .orElseThrow(() -> ApiException.notFound("applicant"));
    }
}
