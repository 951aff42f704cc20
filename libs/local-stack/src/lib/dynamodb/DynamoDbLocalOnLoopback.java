import java.io.IOException;
import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * Starts DynamoDB Local exactly as its own command line does, but listening on 127.0.0.1 only:
 * the stock launcher binds every network interface and has no option to change that, which would
 * expose a developer's database to the local network.
 *
 * It also exits when its standard input closes, i.e. when the Node.js process that started it is
 * gone, even killed with SIGKILL: no orphaned DynamoDB Local keeps the port busy.
 *
 * Run as a single-file source program (JDK 17+) with DynamoDBLocal.jar on the class path and
 * DynamoDB Local's usual arguments.
 */
public class DynamoDbLocalOnLoopback {
  public static void main(String[] args) throws Exception {
    DynamoDBProxyServer proxyServer = ServerRunner.createServerFromCommandLineArgs(args);
    Field jettyField = DynamoDBProxyServer.class.getDeclaredField("server");
    jettyField.setAccessible(true);
    Server jetty = (Server) jettyField.get(proxyServer);
    for (Connector connector : jetty.getConnectors()) {
      ((ServerConnector) connector).setHost("127.0.0.1");
    }
    proxyServer.start();
    exitWhenParentIsGone();
  }

  private static void exitWhenParentIsGone() {
    Thread watcher = new Thread(() -> {
      try {
        while (System.in.read() != -1) {
          // Nothing is ever sent; only the end of the stream matters.
        }
      } catch (IOException ignored) {
        // A broken pipe means the same as the end of the stream.
      }
      System.exit(0);
    }, "parent-watcher");
    watcher.setDaemon(true);
    watcher.start();
  }
}
