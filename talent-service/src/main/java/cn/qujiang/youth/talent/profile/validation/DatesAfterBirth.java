package cn.qujiang.youth.talent.profile.validation;

import cn.qujiang.youth.talent.ServiceZone;
import cn.qujiang.youth.talent.profile.ProfileRequest;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/**
 * Graduation, start-up, insurance and contract dates must come well after the birth date read from the ID number (at
 * least {@value Validator#MIN_AGE} years), which catches a mistyped year that the plain date range lets through; a
 * labour contract cannot end before it starts.
 */
@Documented
@Constraint(validatedBy = DatesAfterBirth.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface DatesAfterBirth {
    String message() default "{talent.validation.dateBeforeBirth}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<DatesAfterBirth, ProfileRequest> {
        static final int MIN_AGE = 10;
        private static final String END_BEFORE_START = "{talent.validation.endBeforeStart}";

        @Override
        public boolean isValid(ProfileRequest request, ConstraintValidatorContext context) {
            LocalDate today = LocalDate.now(ServiceZone.ZONE);
            if (request == null || ResidentIdNumber.problem(request.idNumber(), today).isPresent()) {
                return true; // the ID number's own constraint reports it
            }
            LocalDate earliest = ResidentIdNumber.parse(request.idNumber(), today).birthDate().plusYears(MIN_AGE);
            boolean valid = true;
            context.disableDefaultConstraintViolation();
            if (request.education() != null && before(request.education().graduationDate(), earliest)) {
                violation(context, "education", "graduationDate");
                valid = false;
            }
            var otherDegrees = request.education() == null ? null : request.education().otherDegrees();
            for (int i = 0; otherDegrees != null && i < otherDegrees.size(); i++) {
                if (otherDegrees.get(i) != null && before(otherDegrees.get(i).graduationDate(), earliest)) {
                    context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                            .addPropertyNode("education").addPropertyNode("otherDegrees")
                            .addPropertyNode("graduationDate").inIterable().atIndex(i).addConstraintViolation();
                    valid = false;
                }
            }
            if (request.startup() != null && before(request.startup().since(), earliest)) {
                violation(context, "startup", "since");
                valid = false;
            }
            var employment = request.employment();
            if (employment != null && before(employment.socialInsuranceInQujiangSince(), earliest)) {
                violation(context, "employment", "socialInsuranceInQujiangSince");
                valid = false;
            }
            if (employment != null && before(employment.laborContractStart(), earliest)) {
                violation(context, "employment", "laborContractStart");
                valid = false;
            }
            if (employment != null && employment.laborContractStart() != null
                    && before(employment.laborContractEnd(), employment.laborContractStart())) {
                violation(context, END_BEFORE_START, "employment", "laborContractEnd");
                valid = false;
            }
            return valid;
        }

        private static boolean before(LocalDate date, LocalDate earliest) {
            return date != null && date.isBefore(earliest);
        }

        private static void violation(ConstraintValidatorContext context, String section, String field) {
            violation(context, context.getDefaultConstraintMessageTemplate(), section, field);
        }

        private static void violation(ConstraintValidatorContext context, String message, String section,
                String field) {
            context.buildConstraintViolationWithTemplate(message)
                    .addPropertyNode(section).addPropertyNode(field).addConstraintViolation();
        }
    }
}
