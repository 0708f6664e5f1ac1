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

/**
 * A date between {@code notBefore} and today plus {@code yearsAhead} (0 = not in the future). Catches typos such
 * as 0202 or 2202 that a plain date parser accepts.
 */
@Documented
@Constraint(validatedBy = SaneDate.Validator.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface SaneDate {
    String message() default "{talent.validation.date}";

    String notBefore() default "1950-01-01";

    int yearsAhead() default 0;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<SaneDate, LocalDate> {
        private LocalDate notBefore;
        private int yearsAhead;

        @Override
        public void initialize(SaneDate annotation) {
            notBefore = LocalDate.parse(annotation.notBefore());
            yearsAhead = annotation.yearsAhead();
        }

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || (!value.isBefore(notBefore)
                    && !value.isAfter(LocalDate.now(ServiceZone.ZONE).plusYears(yearsAhead)));
        }
    }
}
