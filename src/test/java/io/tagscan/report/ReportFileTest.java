package io.tagscan.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFileTest {

  @Test
  void aReportLargerThanTheSyncStepIsWrittenWholeWhileSyncedAlongTheWay(@TempDir Path dir)
      throws IOException, NoSuchAlgorithmException {
    Path temporary = dir.resolve(".report.tmp");
    Files.createFile(temporary);
    ReportFile file =
        new ReportFile(ReportPipeline.Opener.FILES, temporary, dir.resolve("report.json"));
    MessageDigest written = MessageDigest.getInstance("SHA-256");
    byte[] block = new byte[1 << 20];
    OutputStream out = file.bytes();
    long total = 3 * ReportFile.SYNC_EVERY + 12_345;
    long left = total;
    for (int i = 0; left > 0; i++) {
      Arrays.fill(block, (byte) ('a' + i % 26));
      int length = (int) Math.min(block.length - i % 7, left);
      out.write(block, 0, length);
      written.update(block, 0, length);
      left -= length;
    }
    file.complete();

    assertThat(Files.size(temporary)).isEqualTo(total);
    assertThat(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(temporary)))
        .isEqualTo(written.digest());
  }
}
