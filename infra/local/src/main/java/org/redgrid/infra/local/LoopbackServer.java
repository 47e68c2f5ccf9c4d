package org.redgrid.infra.local;

import java.io.IOException;
import java.net.InetSocketAddress;

import com.sun.net.httpserver.HttpServer;

/** The JDK HTTP server, bound to loopback, with Nagle's algorithm off. */
final class LoopbackServer {

    static {
        // Left on, Nagle's algorithm and delayed ACKs hold every response ~40 ms per hop.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private LoopbackServer() {
    }

    static HttpServer create(int port, int backlog) throws IOException {
        return HttpServer.create(new InetSocketAddress("127.0.0.1", port), backlog);
    }
}
