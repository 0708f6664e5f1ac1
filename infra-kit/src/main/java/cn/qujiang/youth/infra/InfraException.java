package cn.qujiang.youth.infra;

/** A start-up problem the operator can fix (port taken, prerequisite missing); its message is one clear line. */
public class InfraException extends RuntimeException {
    public InfraException(String message) {
        super(message);
    }

    public InfraException(String message, Throwable cause) {
        super(message, cause);
    }
}
