package cn.qujiang.youth.talent.catalogue;

import cn.qujiang.youth.contracts.MeasurePublished;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The latest version of one measure as published on the catalogue topic. */
@Document(CatalogueEntry.COLLECTION)
record CatalogueEntry(@Id String code, int version, MeasurePublished measure) {
    static final String COLLECTION = "catalogue";
}
