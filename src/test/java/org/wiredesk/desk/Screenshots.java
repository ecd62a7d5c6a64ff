package org.wiredesk.desk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.awt.image.BufferedImage;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.scene.image.WritableImage;
import javafx.scene.robot.Robot;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Saves what a window shows, popups included, to target/screenshots/NAME.png. */
public final class Screenshots {
    private Screenshots() {
    }

    public static Path save(Window window, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<WritableImage> image = new AtomicReference<>();
        // Monocle's robot fails on a whole-screen capture (IntBuffer.array() on a direct buffer) and indexes a
        // partial one by screen width: so capture full-width rows, one short of the screen, and crop.
        Rectangle2D screen = Screen.getPrimary().getBounds();
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> image.set(new Robot().getScreenCapture(null,
                0, 0, screen.getWidth(), screen.getHeight() - 1, false)));
        Path dir = Path.of(System.getProperty("wiredesk.screenshots", "target/screenshots"));
        Path file = dir.resolve(name + ".png");
        try {
            Files.createDirectories(dir);
            BufferedImage full = SwingFXUtils.fromFXImage(image.get(), null);
            int x = (int) Math.max(0, window.getX());
            int y = (int) Math.max(0, window.getY());
            int w = (int) Math.min(window.getWidth(), full.getWidth() - x);
            int h = (int) Math.min(window.getHeight(), full.getHeight() - y);
            ImageIO.write(full.getSubimage(x, y, w, h), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
