package fr.labos.partenariats.matchmaking.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A file the service writes for French Excel to open as it is: UTF-8 with a byte order mark (without it Excel reads
 * « Isère » as « IsÃ¨re »), {@code ;} between fields (the comma is the French decimal separator), CRLF line ends, a
 * header line. What goes in the cells (French labels, decimal commas, text Excel must not evaluate or convert) is the
 * caller's.
 */
public final class ExcelCsv {

    public static final CSVFormat FORMAT = CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';').get();
    private static final String BOM = "\uFEFF";

    private ExcelCsv() {
    }

    /** The header line, then one line per record, its cells in the headers' order. */
    public static byte[] write(List<String> headers, List<? extends List<?>> records) {
        StringWriter out = new StringWriter();
        out.write(BOM);
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT.builder().setHeader(headers.toArray(String[]::new)).get())) {
            for (List<?> record : records) {
                printer.printRecord(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
