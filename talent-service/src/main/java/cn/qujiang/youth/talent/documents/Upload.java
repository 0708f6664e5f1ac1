package cn.qujiang.youth.talent.documents;

import java.nio.file.Path;

/**
 * A received file, spooled to disk by the servlet container and moved to {@code file}: never held in memory whole.
 * {@code declaredName} and {@code declaredType} are what the client claimed; they are checked against the bytes,
 * never trusted, and never logged.
 */
public record Upload(Path file, long size, String declaredName, String declaredType) {
}
