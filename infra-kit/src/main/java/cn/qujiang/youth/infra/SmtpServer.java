package cn.qujiang.youth.infra;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;

/** A real SMTP server (GreenMail) on loopback that keeps every message it receives. */
public final class SmtpServer implements AutoCloseable {
    private final int port;
    private GreenMail greenMail;

    public SmtpServer(int port) {
        this.port = port;
    }

    public SmtpServer start() {
        Ports.requireFree(port, "the SMTP server");
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return this;
    }

    public int port() {
        return port;
    }

    public List<MimeMessage> received() {
        return List.of(greenMail.getReceivedMessages());
    }

    /** Stops accepting mail, as an outage would; {@link #start()} brings it back (received mail is dropped). */
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    public boolean running() {
        return greenMail != null;
    }

    @Override
    public void close() {
        stop();
    }
}
