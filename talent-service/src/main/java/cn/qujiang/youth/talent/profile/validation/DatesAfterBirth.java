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
 * Graduation and start-up dates must come well after the birth date read from the ID number (at least
 * {@value Validator#MIN_AGE} years), which catches a mistyped year that the plain date range lets through.
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
            if (request.startup() != null && before(request.startup().since(), earliest)) {
                violation(context, "startup", "since");
                valid = false;
            }
            return valid;
        }

        private static boolean before(LocalDate date, LocalDate earliest) {
            return date != null && date.isBefore(earliest);
        }

        private static void violation(ConstraintValidatorContext context, String section, String field) {
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode(section).addPropertyNode(field).addConstraintViolation();
        }
    }
}
