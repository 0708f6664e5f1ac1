package cn.qujiang.youth.notification.catalogue;

import cn.qujiang.youth.contracts.LocalizedText;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The title of the highest version of a measure seen on the catalogue topic. */
@Document("measure_titles")
record MeasureTitle(@Id String code, int version, LocalizedText title) {
}
