package community.ivsrealtime.emulator;

import community.ivsrealtime.emulator.protocol.ProtocolHandler;
import community.ivsrealtime.emulator.protocol.RequestIds;
import community.ivsrealtime.emulator.protocol.Responses;
import community.ivsrealtime.emulator.protocol.WireRequest;
import community.ivsrealtime.emulator.protocol.WireResponse;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The endpoint's HTTP/1.1 transport on Netty (NIO). The event loops only decode and encode; each request is
 * handed, as a server-independent {@link WireRequest} (raw path and raw query exactly as sent, lower-cased
 * header names, the whole body), to a {@code threads}-sized worker pool, which calls the admin
 * API ({@value AdminApi#PREFIX}) or the IVS API and writes the {@link WireResponse} with a Content-Length, or
 * closes the connection without a response when a fault says so.
 *
 * <p>Nothing is answered outside the IVS error format: a body over the limit gets 413
 * {@code RequestEntityTooLargeException}, a request Netty cannot decode (malformed request line or headers,
 * lines or headers over 64 KiB) gets 400 {@code ValidationException}, both with {@code Connection: close}.
 * The request target is never parsed with {@link java.net.URI}: a bad percent-escape reaches the protocol layer,
 * which answers {@code ValidationException}.
 */
final class NettyTransport implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(NettyTransport.class.getName());
    /** Longest request line and total header size: UntagResource may carry 50 tag keys of 128 encoded chars. */
    static final int MAX_LINE_BYTES = 64 * 1024;
    private static final AttributeKey<Boolean> CLOSE_AFTER_BODY = AttributeKey.valueOf("ivsrt.closeAfterBody");
    /** The last request of a connection handed to the workers: the next one runs after it, so answers keep order. */
    private static final AttributeKey<CompletableFuture<Void>> LAST = AttributeKey.valueOf("ivsrt.lastRequest");

    private final ProtocolHandler api;
    private final AdminApi admin;
    private final int maxBodyBytes;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final ExecutorService handlers;
    private final Channel serverChannel;
    private final InetSocketAddress address;

    NettyTransport(String host, int port, int threads, int maxBodyBytes, ProtocolHandler api, AdminApi admin)
            throws IOException {
        this.api = api;
        this.admin = admin;
        this.maxBodyBytes = maxBodyBytes;
        // daemon threads, created lazily by Netty; close() shuts all three groups down
        this.boss = new NioEventLoopGroup(1, new DefaultThreadFactory("ivs-realtime-emulator-accept", true));
        this.workers = new NioEventLoopGroup(Math.max(1, Runtime.getRuntime().availableProcessors()),
                new DefaultThreadFactory("ivs-realtime-emulator-io", true));
        this.handlers = Executors.newFixedThreadPool(threads, new DefaultThreadFactory("ivs-realtime-emulator", true));
        try {
            ServerBootstrap bootstrap = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 256)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.SO_KEEPALIVE, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline()
                                    .addLast("codec", new HttpServerCodec(MAX_LINE_BYTES, MAX_LINE_BYTES, 8192))
                                    .addLast("closeAfterBody", new CloseAfterBody())
                                    .addLast("aggregator", new IvsAggregator(maxBodyBytes))
                                    .addLast("endpoint", new Endpoint());
                        }
                    });
            this.serverChannel = bootstrap.bind(host, port).sync().channel();
            this.address = (InetSocketAddress) serverChannel.localAddress();
        } catch (Exception e) { // bind failures arrive as checked exceptions Netty does not declare
            shutdown();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
    }

    InetSocketAddress address() {
        return address;
    }

    @Override
    public void close() {
        serverChannel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        shutdown();
    }

    /** Stops accepting, closes the connections and ends the I/O threads (no quiet period), then the workers. */
    private void shutdown() {
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        handlers.shutdownNow(); // interrupts injected delays
        try {
            handlers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Splits a raw request target into the raw path and the raw query (null without {@code ?}), without decoding
     * or validating anything. The absolute form ({@code http://host:port/path}) is reduced to its path.
     */
    static String[] splitTarget(String target) {
        String t = target == null ? "" : target;
        int scheme = t.indexOf("://");
        if (scheme > 0 && t.indexOf('/') > scheme && !t.startsWith("/")) {
            int slash = t.indexOf('/', scheme + 3);
            int question = t.indexOf('?', scheme + 3);
            int start = slash < 0 ? question : question < 0 ? slash : Math.min(slash, question);
            t = start < 0 ? "/" : (t.charAt(start) == '?' ? "/" + t.substring(start) : t.substring(start));
        }
        int hash = t.indexOf('#');
        if (hash >= 0) {
            t = t.substring(0, hash);
        }
        int question = t.indexOf('?');
        String path = question < 0 ? t : t.substring(0, question);
        String query = question < 0 ? null : t.substring(question + 1);
        return new String[] {path.isEmpty() ? "/" : path, query};
    }

    static FullHttpResponse toNetty(WireResponse response) {
        FullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.status()), Unpooled.wrappedBuffer(response.body()));
        response.headers().forEach((k, v) -> out.headers().set(k, v));
        out.headers().set(HttpHeaderNames.CONTENT_LENGTH, response.body().length);
        return out;
    }

    /** An IVS-format error that ends the connection. */
    static FullHttpResponse closingError(int status, String code, String message) {
        FullHttpResponse out = toNetty(Responses.error(status, code, message, RequestIds.next()));
        out.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return out;
    }

    /**
     * Answers oversized bodies with the IVS 413 and ends the connection once the client has sent its body; an
     * {@code Expect} other than 100-continue gets an IVS-format 417.
     */
    private final class IvsAggregator extends HttpObjectAggregator {
        IvsAggregator(int maxContentLength) {
            super(maxContentLength, true); // close after a 417: the client may go on sending a body we ignore
        }

        @Override
        protected Object newContinueResponse(HttpMessage start, int maxContentLength,
                                             io.netty.channel.ChannelPipeline pipeline) {
            Object response = super.newContinueResponse(start, maxContentLength, pipeline);
            if (response instanceof FullHttpResponse r
                    && r.status().code() == HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE.code()) {
                r.release();
                return tooLarge();
            }
            if (response instanceof FullHttpResponse r
                    && r.status().code() == HttpResponseStatus.EXPECTATION_FAILED.code()) {
                r.release();
                return closingError(417, "ExpectationFailedException",
                        "The Expect header's value is not supported: the only expectation is 100-continue");
            }
            return response;
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            // let the client finish sending (the aggregator drops the rest of the body), then close: closing while
            // it still writes would reset the connection before it reads the answer
            ctx.channel().attr(CLOSE_AFTER_BODY).set(Boolean.TRUE);
            ctx.writeAndFlush(tooLarge()).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        }

        private FullHttpResponse tooLarge() {
            return closingError(413, "RequestEntityTooLargeException",
                    "Request body is larger than the limit of " + maxBodyBytes + " bytes");
        }
    }

    /** Closes the connection after the last part of a body that was refused as too large. */
    private static final class CloseAfterBody extends ChannelDuplexHandler {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            boolean last = msg instanceof LastHttpContent;
            ctx.fireChannelRead(msg);
            if (last && Boolean.TRUE.equals(ctx.channel().attr(CLOSE_AFTER_BODY).get())) {
                ctx.close();
            }
        }
    }

    /**
     * On the I/O thread: answers undecodable requests, turns the others into WireRequests and hands them to the
     * worker pool, chained per connection so that pipelined requests are answered in order.
     */
    private final class Endpoint extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            if (Boolean.TRUE.equals(ctx.channel().attr(CLOSE_AFTER_BODY).get())) {
                return; // a pipelined request after a refused body: the connection is closing
            }
            if (!request.decoderResult().isSuccess()) {
                Throwable cause = request.decoderResult().cause();
                String why = cause == null || cause.getMessage() == null ? String.valueOf(cause) : cause.getMessage();
                ctx.writeAndFlush(closingError(400, "ValidationException", "Malformed HTTP request: " + why))
                        .addListener(ChannelFutureListener.CLOSE);
                return;
            }
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            boolean http10 = request.protocolVersion().equals(HttpVersion.HTTP_1_0);
            WireRequest wire = toWire(request, ctx.channel().remoteAddress());
            Runnable task = () -> answer(ctx, wire, keepAlive, http10);
            CompletableFuture<Void> previous = ctx.channel().attr(LAST).get();
            try {
                ctx.channel().attr(LAST).set(previous == null || previous.isDone()
                        ? CompletableFuture.runAsync(task, handlers) : previous.thenRunAsync(task, handlers));
            } catch (RejectedExecutionException e) { // closing down
                ctx.close();
            }
        }

        /** On a worker thread: runs the request and writes the answer (Netty hands the write to the I/O thread). */
        private void answer(ChannelHandlerContext ctx, WireRequest wire, boolean keepAlive, boolean http10) {
            WireResponse response;
            try {
                response = wire.rawPath().startsWith(AdminApi.PREFIX) ? admin.handle(wire) : api.handle(wire);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "request failed", e);
                response = Responses.error(500, "InternalServerException", "Internal error: " + e,
                        RequestIds.next());
            }
            if (response.dropConnection()) {
                ctx.close();
                return;
            }
            FullHttpResponse out = toNetty(response);
            boolean close = !keepAlive
                    || HttpHeaderValues.CLOSE.contentEqualsIgnoreCase(out.headers().get(HttpHeaderNames.CONNECTION));
            if (close) {
                out.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            } else if (http10) {
                out.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            }
            var future = ctx.writeAndFlush(out);
            if (close) {
                future.addListener(ChannelFutureListener.CLOSE);
            }
        }

        private WireRequest toWire(FullHttpRequest request, java.net.SocketAddress remote) {
            String[] target = splitTarget(request.uri());
            Map<String, List<String>> headers = new HashMap<>();
            for (Map.Entry<String, String> h : request.headers()) {
                headers.computeIfAbsent(h.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.getValue());
            }
            return new WireRequest(request.method().name().toUpperCase(Locale.ROOT), target[0], target[1], headers,
                    ByteBufUtil.getBytes(request.content()),
                    remote instanceof InetSocketAddress inet ? inet.getAddress() : java.net.InetAddress.getLoopbackAddress());
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.log(System.Logger.Level.DEBUG, "connection failed", cause);
            ctx.close();
        }
    }
}
