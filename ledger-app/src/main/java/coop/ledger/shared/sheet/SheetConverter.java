package coop.ledger.shared.sheet;

import org.springframework.core.ResolvableType;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.SmartHttpMessageConverter;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the answer of a list or statistics endpoint as CSV or XLSX when the client asks for one (by
 * {@code format=csv|xlsx} or {@code Accept}). It writes the object the handler returned, the same one the JSON
 * converter would have written: a download cannot show other figures than the JSON answer of the same query.
 */
class SheetConverter implements SmartHttpMessageConverter<Object> {

    private final List<SheetLayout<?, ?>> layouts;

    SheetConverter(List<SheetLayout<?, ?>> layouts) {
        this.layouts = List.copyOf(layouts);
    }

    Optional<SheetLayout<?, ?>> layoutOf(ResolvableType answerType) {
        return layouts.stream().filter(layout -> layout.lays(answerType)).findFirst();
    }

    /**
     * The declared type of the answer. Spring passes the raw class ({@code Page}) at some steps of the negotiation;
     * then the return type of the handler method serving the request tells a {@code Page<ProjectItem>} from a
     * {@code Page<PartyItem>}, even for an empty page.
     */
    private static ResolvableType answerType(ResolvableType given, Class<?> valueClass) {
        if (given != ResolvableType.NONE && !given.hasUnresolvableGenerics()) {
            return given;
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getRequest().getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE)
                instanceof HandlerMethod handler) {
            ResolvableType declared = ResolvableType.forMethodReturnType(handler.getMethod());
            if (declared.toClass().isAssignableFrom(valueClass)) {
                return declared;
            }
        }
        return given == ResolvableType.NONE ? ResolvableType.forClass(valueClass) : given;
    }

    @Override
    public boolean canWrite(ResolvableType targetType, Class<?> valueClass, MediaType mediaType) {
        if (layoutOf(answerType(targetType, valueClass)).isEmpty()) {
            return false;
        }
        // null: which types could it write (csv, xlsx)? A wildcard is never chosen here: JSON stays the default.
        return mediaType == null || !mediaType.isWildcardType() && !mediaType.isWildcardSubtype()
                && (SheetFormat.CSV.isCompatibleWith(mediaType) || SheetFormat.XLSX.isCompatibleWith(mediaType));
    }

    @Override
    public void write(Object answer, ResolvableType type, MediaType contentType, HttpOutputMessage output,
                      Map<String, Object> hints) throws IOException {
        SheetLayout<?, ?> layout = layoutOf(answerType(type, answer.getClass())).orElseThrow();
        boolean xlsx = contentType != null && SheetFormat.XLSX.isCompatibleWith(contentType);
        String name = layout.fileName(answer);
        List<String> heading = layout.columns().stream().map(Column::heading).toList();
        List<List<Object>> rows = layout.cells(answer);
        output.getHeaders().setContentType(xlsx ? SheetFormat.XLSX : SheetFormat.CSV);
        output.getHeaders().setContentDisposition(ContentDisposition.attachment()
                .filename(name + (xlsx ? ".xlsx" : ".csv"), StandardCharsets.UTF_8).build());
        if (xlsx) {
            SheetWriters.xlsx(name, heading, rows, output.getBody());
        } else {
            SheetWriters.csv(heading, rows, output.getBody());
        }
        output.getBody().flush();
    }

    @Override
    public List<MediaType> getSupportedMediaTypes() {
        return List.of(SheetFormat.CSV, SheetFormat.XLSX);
    }

    @Override
    public boolean canRead(ResolvableType type, MediaType mediaType) {
        return false;
    }

    @Override
    public Object read(ResolvableType type, HttpInputMessage input, Map<String, Object> hints)
            throws HttpMessageNotReadableException {
        throw new UnsupportedOperationException("spreadsheets are only written");
    }
}
