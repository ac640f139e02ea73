package com.giftcardimport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.base.DemoData;
import com.giftcardimport.base.RawHttp;
import com.giftcardimport.importing.HostileFiles;
import jakarta.servlet.ServletContext;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import com.giftcardimport.base.db.OwnerJdbc;

/**
 * The upload limit of the wizard holds for requests that bypass the browser component: a logged-in admin opens the
 * wizard in Chromium, and this test takes the upload's own target URL and the session cookie and sends, by hand,
 * bodies far over the limit (1 KB here): raw with chunked transfer, as the component sends files, and multipart. The
 * server stops reading, keeps no file (upload storage and the servlet container's temporary directory), creates no
 * import, and the same URL still takes a file within the limit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "app.upload.max-size=1KB")
class WizardUploadLimitIT extends BrowserTestSupport {

    static final long BODY = 64L << 20;

    @Value("${app.data-dir}")
    Path dataDir;
    @Autowired
    OwnerJdbc jdbc;
    @Autowired
    ServletContext servletContext;

    @Test
    void the_wizards_upload_url_refuses_hand_made_requests_over_the_limit_and_keeps_nothing() throws Exception {
        logIn("alice", DemoData.PASSWORD);
        driver.get(url("imports/new"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("wizard-next"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("file-upload")));
        String target = (String) ((JavascriptExecutor) driver)
                .executeScript("return document.getElementById('file-upload').target");
        assertThat(target).isNotBlank();
        String path = URI.create(url("")).resolve(target).getRawPath();
        Cookie session = driver.manage().getCookieNamed("JSESSIONID");
        String cookie = "Cookie: JSESSIONID=" + session.getValue() + "\r\n";
        String rows = HostileFiles.validCsv("WIZ", 100).substring(HostileFiles.HEADER.length() + 1);
        long imports = importCount();
        Set<String> stored = storedFiles();
        Set<String> containerTemp = containerTempFiles();

        RawHttp.Response raw = RawHttp.send(port, rawHead(path, cookie, "Transfer-Encoding: chunked\r\n"),
                RawHttp.rawFile(HostileFiles.HEADER, rows, BODY), true);
        RawHttp.Response multipart = RawHttp.send(port, RawHttp.multipartHead(path, cookie
                + "Transfer-Encoding: chunked\r\n"), HostileFiles.HEADER, rows, BODY, true);

        System.out.printf("wizard upload URL, raw: status %d after %d bytes; multipart: status %d after %d bytes%n",
                raw.status(), raw.bytesSent(), multipart.status(), multipart.bytesSent());
        assertThat(raw.status()).as(raw.toString()).isIn(413, 422);
        assertThat(multipart.status()).as(multipart.toString()).isIn(413, 422);
        assertThat(raw.bytesSent()).as(raw.toString()).isLessThan(BODY / 4);
        assertThat(multipart.bytesSent()).as(multipart.toString()).isLessThan(BODY / 4);
        assertThat(importCount()).isEqualTo(imports);
        assertThat(storedFiles()).isEqualTo(stored);
        assertThat(containerTempFiles()).isSubsetOf(containerTemp);

        // the same URL and session take a file within the limit: the refusals were the limit, not the request
        byte[] small = "Card number,Pool system name,Card balance\nWIZ-OK-1,flex,1\n".getBytes();
        RawHttp.Response ok = RawHttp.send(port, rawHead(path, cookie, "Content-Length: " + small.length + "\r\n"),
                sink -> sink.write(small), false);
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(storedFiles()).hasSize(stored.size() + 1);
    }

    private static String rawHead(String path, String cookie, String lengthHeader) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + cookie + "Content-Type: text/csv\r\n"
                + "X-Filename: cards.csv\r\n" + lengthHeader + "Connection: close\r\n\r\n";
    }

    private long importCount() {
        return jdbc.sql("select count(*) from import_job j join project p on p.id = j.project_id "
                + "where p.slug = 'acme'").query(Long.class).single();
    }

    private Set<String> storedFiles() throws IOException {
        long acme = jdbc.sql("select id from project where slug = 'acme'").query(Long.class).single();
        return list(dataDir.resolve("uploads").resolve(Long.toString(acme)));
    }

    private Set<String> containerTempFiles() throws IOException {
        return list(((File) servletContext.getAttribute(ServletContext.TEMPDIR)).toPath());
    }

    private static Set<String> list(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).map(Path::toString).collect(Collectors.toSet());
        }
    }
}
