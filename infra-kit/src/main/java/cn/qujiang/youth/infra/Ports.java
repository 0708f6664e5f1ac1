package cn.qujiang.youth.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback port helpers. */
public final class Ports {
    private Ports() {
    }

    /** A port that was free a moment ago, for tests that must not collide with each other or a running stack. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new InfraException("no free loopback port: " + e.getMessage(), e);
        }
    }

    /** Fails with a one-line message when {@code port} is already taken by someone else. */
    public static void requireFree(int port, String what) {
        if (listening(port)) {
            throw new InfraException("port " + port + " for " + what + " is already in use on 127.0.0.1"
                    + " (stop what uses it or choose another port)");
        }
    }

    public static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
