package cn.qujiang.youth.policy.catalogue;

import cn.qujiang.youth.policy.catalogue.MeasureDocument.Actor;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition.Criterion;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationContext;

/** Benchmark support: publishes a changed criterion through the real four-eyes workflow. */
public final class BenchCatalogue {
    private static final Actor AUTHOR = new Actor("bench-author", "bench-author");
    private static final Actor APPROVER = new Actor("bench-approver", "bench-approver");

    private BenchCatalogue() {
    }

    /** Replaces the expression of one criterion and publishes it; returns the new catalogue revision. */
    public static long publishChangedCriterion(ApplicationContext context, String code, String criterionId,
            String expression) {
        draftChangedCriterion(context, code, criterionId, expression);
        return approveAndPublish(context, code);
    }

    /** The draft of {@code code} with one criterion's expression replaced, as its author saves it. */
    public static void draftChangedCriterion(ApplicationContext context, String code, String criterionId,
            String expression) {
        MeasureAdministration administration = context.getBean(MeasureAdministration.class);
        MeasureDefinition current = administration.get(code).current().orElseThrow().definition();
        List<Criterion> criteria = new ArrayList<>();
        current.criteria().forEach(c -> criteria.add(c.id().equals(criterionId)
                ? new Criterion(c.id(), expression, c.label(), c.hint()) : c));
        MeasureDefinition changed = new MeasureDefinition(current.code(), 0, current.title(), current.summary(),
                current.category(), current.department(), current.mode(), current.window(), current.quota(),
                current.excludes(), current.responseWorkingDays(), current.benefit(), current.grant(), criteria, current.documents(),
                current.examples());
        administration.startDraft(changed, AUTHOR);
    }

    public static boolean hasDraft(ApplicationContext context, String code) {
        return context.getBean(MeasureAdministration.class).get(code).draft() != null;
    }

    /** A second officer approves the draft, then it is published; returns the new catalogue revision. */
    public static long approveAndPublish(ApplicationContext context, String code) {
        MeasureAdministration administration = context.getBean(MeasureAdministration.class);
        administration.approve(code, administration.get(code).draft().revision(), APPROVER);
        return administration.publish(code, AUTHOR).revision();
    }
}
