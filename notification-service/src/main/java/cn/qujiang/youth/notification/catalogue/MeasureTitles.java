package cn.qujiang.youth.notification.catalogue;

import cn.qujiang.youth.contracts.LocalizedText;
import java.util.Collection;
import java.util.Map;

/** What the measures a message names are called, as the catalogue last published them. */
@FunctionalInterface
public interface MeasureTitles {

    /** The titles of those codes the catalogue has published; a code it has not is absent from the map. */
    Map<String, LocalizedText> of(Collection<String> codes);
}
