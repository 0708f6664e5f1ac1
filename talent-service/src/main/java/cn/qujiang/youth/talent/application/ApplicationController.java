package cn.qujiang.youth.talent.application;

import cn.qujiang.youth.kit.security.Caller;
import cn.qujiang.youth.talent.application.ApplicationViews.ApplicationView;
import cn.qujiang.youth.talent.application.ApplicationViews.SubmitRequest;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own applications and offers; another applicant's id is simply "not found". */
@RestController
@RequestMapping("/api/talent/me/applications")
class ApplicationController {
    private final ApplicationService applications;
    private final MessageSource messages;

    ApplicationController(ApplicationService applications, MessageSource messages) {
        this.applications = applications;
        this.messages = messages;
    }

    @Operation(summary = "Apply for a measure (409 APPLICATION_REFUSED with reasons when a rule fails)")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ApplicationView submit(Authentication authentication, @Valid @RequestBody SubmitRequest request, Locale locale) {
        return ApplicationViews.of(applications.submit(me(authentication), request.measureCode()), locale, messages);
    }

    @Operation(summary = "My applications and offers with their status timeline")
    @GetMapping
    List<ApplicationView> list(Authentication authentication, Locale locale) {
        return applications.listOwn(me(authentication)).stream()
                .map(application -> ApplicationViews.of(application, locale, messages)).toList();
    }

    @Operation(summary = "One of my applications")
    @GetMapping("/{id}")
    ApplicationView get(Authentication authentication, @PathVariable String id, Locale locale) {
        return ApplicationViews.of(applications.own(me(authentication), id), locale, messages);
    }

    @Operation(summary = "Withdraw an open application, or decline an offer")
    @PostMapping("/{id}/withdraw")
    ApplicationView withdraw(Authentication authentication, @PathVariable String id, Locale locale) {
        return ApplicationViews.of(applications.withdraw(me(authentication), id), locale, messages);
    }

    @Operation(summary = "Resubmit after the officer asked for more information (the response time restarts)")
    @PostMapping("/{id}/resubmit")
    ApplicationView resubmit(Authentication authentication, @PathVariable String id, Locale locale) {
        return ApplicationViews.of(applications.resubmit(me(authentication), id), locale, messages);
    }

    @Operation(summary = "Accept a confirmed auto-grant offer: approves it")
    @PostMapping("/{id}/accept")
    ApplicationView accept(Authentication authentication, @PathVariable String id, Locale locale) {
        return ApplicationViews.of(applications.accept(me(authentication), id), locale, messages);
    }

    private static String me(Authentication authentication) {
        return Caller.of(authentication).id();
    }
}
