package cn.qujiang.youth.talent.profile.validation;

import cn.qujiang.youth.talent.ServiceZone;
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
import java.util.Locale;

/** A GB 11643 resident ID number; the message says what exactly is wrong (never echoing the number). */
@Documented
@Constraint(validatedBy = ValidResidentId.Validator.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidResidentId {
    String message() default "{talent.validation.idNumber.FORMAT}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidResidentId, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            return ResidentIdNumber.problem(value, LocalDate.now(ServiceZone.ZONE)).map(problem -> {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(
                        "{talent.validation.idNumber." + problem.name().toUpperCase(Locale.ROOT) + "}")
                        .addConstraintViolation();
                return false;
            }).orElse(true);
        }
    }
}
