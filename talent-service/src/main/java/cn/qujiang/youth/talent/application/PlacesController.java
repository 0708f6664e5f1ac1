package cn.qujiang.youth.talent.application;

import cn.qujiang.youth.kit.web.ApiException;
import cn.qujiang.youth.talent.application.PlacesLeft.PlacesView;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Places left of a measure in the current quota period, for residents on the measure and officers reviewing it. */
@RestController
class PlacesController {
    private final PlacesLeft places;

    PlacesController(PlacesLeft places) {
        this.places = places;
    }

    @Operation(summary = "Places left of a measure this year, batch or overall (404 for an unknown measure)")
    @GetMapping({"/api/talent/me/measures/{code}/places", "/api/talent/review/measures/{code}/places"})
    PlacesView places(@PathVariable String code, Locale locale) {
        return places.of(code, locale).orElseThrow(() -> ApiException.notFound("measure"));
    }
}
