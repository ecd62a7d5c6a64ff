package org.wiredesk.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.wiredesk.app.AppContext;
import org.wiredesk.app.WireDeskHome;
import org.wiredesk.store.StoreServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Shares this workstation's store with the desk through Derby's Network Server, until stopped "
                + "(Ctrl+C).", "Other workstations then run: wiredesk --store //HOST:PORT/PATH (printed at start).",
                "The server has no authentication: keep it on a trusted network (the default listens on this "
                        + "machine only)."})
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--port", defaultValue = "1527", paramLabel = "PORT",
            description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        if (WireDeskHome.isShared(cli.store)) {
            throw new ParameterException(spec.commandLine(), "serve shares a local store directory, not " + cli.store);
        }
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        try (AppContext app = cli.open();
             StoreServer server = StoreServer.start(host, port, null)) {
            String advertised = host.equals("0.0.0.0") ? java.net.InetAddress.getLoopbackAddress().getHostName()
                    : host;
            out.println("Sharing " + cli.storeDir().toAbsolutePath() + " on " + host + ":" + port);
            out.println("Other workstations: wiredesk --store " + server.clientStore(cli.storeDir(), advertised));
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "wiredesk-serve-stop"));
            stopped.await();
        }
        return 0;
    }
}
