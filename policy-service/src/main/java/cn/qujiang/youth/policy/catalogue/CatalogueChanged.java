package cn.qujiang.youth.policy.catalogue;

/** Published inside the service after a measure was published or retired: stored applicants must be re-matched. */
public record CatalogueChanged(String measureCode, long revision) {
}
