package cn.qujiang.youth.talent.eventkey;

import cn.qujiang.youth.contracts.EventKey;
import cn.qujiang.youth.kit.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Applicants' event keys for the service accounts that open sealed event parts (role event-key-reader); never
 * routed by the gateway. An erased applicant has none: their events are then skipped as erased. One applicant at a
 * time (a profile event), or many in one call (a re-match announcing thousands of changed results).
 */
@RestController
class EventKeyController {
    /** Keys per lookup: a re-match asks once per page of changed applicants, pages are at most this large. */
    static final int MAX_LOOKUP = 500;

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

    @Operation(summary = "The event keys of many applicants, absent for the erased (internal, event-key-reader)")
    @PostMapping("/internal/event-keys/lookup")
    ResponseEntity<Found> lookup(@Valid @RequestBody Lookup lookup) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new Found(keys.findStored(lookup.applicantIds())));
    }

    record Lookup(@NotNull @Size(max = MAX_LOOKUP) List<@NotBlank String> applicantIds) {
    }

    /** By applicant id; whoever has no key (erased, or never had an event sealed) is left out. */
    record Found(Map<String, EventKey> keys) {
    }
}
