#include "calendar/caldavxml.h"

#include <QCoreApplication>
#include <QDebug>
#include <QRegularExpression>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <algorithm>
#include <utility>

namespace {

// Messages people read, filed under the calendar context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Calendar)
};

} // namespace

namespace fermata {

bool CalDavCalendar::supportsEvents() const
{
    return components.isEmpty() || components.contains(u"VEVENT");
}

QDebug operator<<(QDebug debug, const CalDavCalendar &calendar)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "CalDavCalendar(" << calendar.href << ", " << calendar.displayName << ", "
                    << calendar.color << ", " << calendar.components.join(u',')
                    << (calendar.isWritable ? ", writable" : ", read-only") << ", sync " << calendar.syncToken
                    << ')';
    return debug;
}

QDebug operator<<(QDebug debug, const CalDavResource &resource)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "CalDavResource(" << resource.href << ", " << resource.etag << ", "
                    << resource.data.size() << " bytes)";
    return debug;
}

QDebug operator<<(QDebug debug, const CalDavChanges &changes)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "CalDavChanges(" << changes.syncToken << ", changed " << changes.changed
                    << ", removed " << changes.removed << (changes.isTruncated ? ", truncated" : "") << ')';
    return debug;
}

namespace caldavxml {

QString clark(QStringView ns, QStringView name)
{
    return u'{' + ns.toString() + u'}' + name.toString();
}

// --- Hrefs ---------------------------------------------------------------------------------

QString canonicalPath(const QString &path)
{
    // Segment by segment, so an encoded '/' inside a name stays part of that name.
    QStringList segments = path.split(u'/');
    for (QString &segment : segments) {
        const QByteArray bytes = QByteArray::fromPercentEncoding(segment.toUtf8());
        segment = QString::fromLatin1(bytes.toPercentEncoding());
    }
    return segments.join(u'/');
}

namespace {

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    const int defaultPort = a.scheme() == u"https" ? 443 : 80;
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
        && a.port(defaultPort) == b.port(defaultPort);
}

} // namespace

QString resolveHref(const QUrl &requestUrl, const QString &href)
{
    // Tolerant: some servers send spaces or UTF-8 unencoded.
    const QUrl url = requestUrl.resolved(QUrl(href.trimmed(), QUrl::TolerantMode));
    QString path = canonicalPath(url.path(QUrl::FullyEncoded));
    if (sameOrigin(url, requestUrl))
        return path;
    QUrl elsewhere = url;
    elsewhere.setPath(path, QUrl::StrictMode);
    return elsewhere.toString(QUrl::FullyEncoded);
}

QString collectionHref(const QString &href)
{
    QString result = href;
    while (result.endsWith(u'/'))
        result.chop(1);
    return result + u'/';
}

QString memberHref(const QString &collection, const QString &name)
{
    return collectionHref(collection) + QString::fromLatin1(QUrl::toPercentEncoding(name));
}

// --- Request bodies ------------------------------------------------------------------------

namespace {

// A writer with the four namespaces declared on the root under short prefixes.
class BodyWriter
{
public:
    BodyWriter()
        : m_xml(&m_bytes)
    {
        m_xml.writeStartDocument();
        m_xml.writeNamespace(davNs.toString(), QStringLiteral("d"));
        m_xml.writeNamespace(caldavNs.toString(), QStringLiteral("c"));
        m_xml.writeNamespace(calendarServerNs.toString(), QStringLiteral("cs"));
        m_xml.writeNamespace(appleIcalNs.toString(), QStringLiteral("ical"));
    }
    void start(QStringView ns, const QString &name) { m_xml.writeStartElement(ns.toString(), name); }
    void end() { m_xml.writeEndElement(); }
    void empty(QStringView ns, const QString &name) { m_xml.writeEmptyElement(ns.toString(), name); }
    void text(QStringView ns, const QString &name, const QString &value)
    {
        m_xml.writeTextElement(ns.toString(), name, value);
    }
    void attribute(const QString &name, const QString &value) { m_xml.writeAttribute(name, value); }
    // <d:prop> with the given empty property elements.
    void prop(std::initializer_list<std::pair<QStringView, const char *>> names)
    {
        start(davNs, QStringLiteral("prop"));
        for (const auto &[ns, name] : names)
            empty(ns, QString::fromLatin1(name));
        end();
    }
    QByteArray finish()
    {
        m_xml.writeEndDocument();
        return m_bytes;
    }

private:
    QByteArray m_bytes;
    QXmlStreamWriter m_xml;
};

QByteArray propfind(std::initializer_list<std::pair<QStringView, const char *>> names)
{
    BodyWriter body;
    body.start(davNs, QStringLiteral("propfind"));
    body.prop(names);
    body.end();
    return body.finish();
}

} // namespace

QByteArray discoveryPropfind()
{
    return propfind({ { davNs, "current-user-principal" }, { caldavNs, "calendar-home-set" },
        { davNs, "resourcetype" } });
}

QByteArray calendarListPropfind()
{
    return propfind({ { davNs, "resourcetype" }, { davNs, "displayname" }, { appleIcalNs, "calendar-color" },
        { caldavNs, "supported-calendar-component-set" }, { calendarServerNs, "getctag" },
        { davNs, "sync-token" }, { davNs, "current-user-privilege-set" } });
}

QByteArray etagPropfind()
{
    return propfind({ { davNs, "getetag" } });
}

QString utcStamp(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
}

QByteArray calendarQuery(const Interval &range, Content content)
{
    BodyWriter body;
    body.start(caldavNs, QStringLiteral("calendar-query"));
    if (content == Content::WithData)
        body.prop({ { davNs, "getetag" }, { caldavNs, "calendar-data" } });
    else
        body.prop({ { davNs, "getetag" } });
    body.start(caldavNs, QStringLiteral("filter"));
    body.start(caldavNs, QStringLiteral("comp-filter"));
    body.attribute(QStringLiteral("name"), QStringLiteral("VCALENDAR"));
    body.start(caldavNs, QStringLiteral("comp-filter"));
    body.attribute(QStringLiteral("name"), QStringLiteral("VEVENT"));
    if (!range.isEmpty()) {
        body.empty(caldavNs, QStringLiteral("time-range"));
        body.attribute(QStringLiteral("start"), utcStamp(range.start()));
        body.attribute(QStringLiteral("end"), utcStamp(range.end()));
    }
    body.end();
    body.end();
    body.end();
    body.end();
    return body.finish();
}

QByteArray syncCollection(const QString &syncToken)
{
    BodyWriter body;
    body.start(davNs, QStringLiteral("sync-collection"));
    body.text(davNs, QStringLiteral("sync-token"), syncToken);
    body.text(davNs, QStringLiteral("sync-level"), QStringLiteral("1"));
    body.prop({ { davNs, "getetag" } });
    body.end();
    return body.finish();
}

QByteArray calendarMultiget(const QStringList &hrefs)
{
    BodyWriter body;
    body.start(caldavNs, QStringLiteral("calendar-multiget"));
    body.prop({ { davNs, "getetag" }, { caldavNs, "calendar-data" } });
    for (const QString &href : hrefs)
        body.text(davNs, QStringLiteral("href"), href);
    body.end();
    return body.finish();
}

// --- Responses -----------------------------------------------------------------------------

const DavProperty *DavResponse::property(const QString &clarkName) const
{
    const auto it = properties.constFind(clarkName);
    return it == properties.cend() ? nullptr : &*it;
}

bool DavResponse::isGone() const
{
    if (status == 404 || status == 410)
        return true;
    // Some servers put the 404 in a propstat instead (the brief form of RFC 6578 removed).
    return status == 0 && properties.isEmpty() && !failedProperties.isEmpty()
        && std::all_of(failedProperties.cbegin(), failedProperties.cend(),
            [](int code) { return code == 404 || code == 410; });
}

namespace {

// "HTTP/1.1 404 Not Found" -> 404; 0 when unreadable.
int statusCode(const QString &line)
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*HTTP/\\S+\\s+(\\d{3})"));
    const QRegularExpressionMatch match = pattern.match(line);
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

bool isDav(const QXmlStreamReader &xml, QStringView name)
{
    return xml.namespaceUri() == davNs && xml.name() == name;
}

QString clarkOf(const QXmlStreamReader &xml)
{
    return clark(xml.namespaceUri(), xml.name());
}

// Reads multistatus elements into a Multistatus; one instance per body.
class MultistatusReader
{
public:
    MultistatusReader(const QByteArray &xml, QUrl requestUrl)
        : m_xml(xml)
        , m_requestUrl(std::move(requestUrl))
    { }

    Result<Multistatus> read()
    {
        if (!m_xml.readNextStartElement() || !isDav(m_xml, u"multistatus"))
            return failure(Text::tr("the answer is not a WebDAV multistatus"));
        Multistatus result;
        while (m_xml.readNextStartElement()) {
            if (isDav(m_xml, u"response"))
                result.responses.append(readResponse());
            else if (isDav(m_xml, u"sync-token"))
                result.syncToken = m_xml.readElementText().trimmed();
            else
                m_xml.skipCurrentElement();
        }
        if (m_xml.hasError())
            return failure(m_xml.errorString());
        return result;
    }

private:
    Error failure(const QString &why) const
    {
        return Error { Error::Code::Invalid,
            m_xml.hasError()
                ? Text::tr("the answer is not valid XML (line %1: %2)").arg(m_xml.lineNumber()).arg(why)
                : why };
    }

    DavResponse readResponse()
    {
        DavResponse response;
        while (m_xml.readNextStartElement()) {
            if (isDav(m_xml, u"href"))
                response.hrefs.append(resolveHref(m_requestUrl, m_xml.readElementText()));
            else if (isDav(m_xml, u"status"))
                response.status = statusCode(m_xml.readElementText());
            else if (isDav(m_xml, u"propstat"))
                readPropstat(response);
            else
                m_xml.skipCurrentElement();
        }
        return response;
    }

    void readPropstat(DavResponse &response)
    {
        QHash<QString, DavProperty> properties;
        int status = 0;
        while (m_xml.readNextStartElement()) {
            if (isDav(m_xml, u"prop")) {
                while (m_xml.readNextStartElement()) {
                    const QString name = clarkOf(m_xml);
                    properties.insert(name, readProperty());
                }
            } else if (isDav(m_xml, u"status")) {
                status = statusCode(m_xml.readElementText());
            } else {
                m_xml.skipCurrentElement();
            }
        }
        // A propstat without a status is against RFC 4918; take its properties as found.
        const bool found = status == 0 || (status >= 200 && status < 300);
        for (auto it = properties.cbegin(); it != properties.cend(); ++it) {
            if (found)
                response.properties.insert(it.key(), it.value());
            else
                response.failedProperties.insert(it.key(), status);
        }
    }

    // At a property's start element; returns at its end element.
    DavProperty readProperty()
    {
        DavProperty property;
        int depth = 0;
        while (!m_xml.atEnd()) {
            switch (m_xml.readNext()) {
            case QXmlStreamReader::Characters:
                if (depth == 0)
                    property.text += m_xml.text();
                break;
            case QXmlStreamReader::StartElement:
                property.elements.append(clarkOf(m_xml));
                if (m_xml.namespaceUri() == caldavNs && m_xml.name() == u"comp")
                    property.componentNames.append(
                        m_xml.attributes().value(QLatin1StringView("name")).toString().toUpper());
                if (isDav(m_xml, u"href")) {
                    // readElementText consumes the end element: the depth stays.
                    property.hrefs.append(resolveHref(m_requestUrl, m_xml.readElementText()));
                } else {
                    ++depth;
                }
                break;
            case QXmlStreamReader::EndElement:
                if (depth == 0)
                    return property;
                --depth;
                break;
            default:
                break;
            }
        }
        return property;
    }

    QXmlStreamReader m_xml;
    QUrl m_requestUrl;
};

const DavResponse *responseFor(const Multistatus &multistatus, const QString &href)
{
    for (const DavResponse &response : multistatus.responses) {
        if (response.hrefs.contains(href))
            return &response;
    }
    // A Depth 0 answer may name the resource differently (a redirect, "/" vs ""): take it.
    return multistatus.responses.size() == 1 ? &multistatus.responses.first() : nullptr;
}

// "#RRGGBBAA" (Apple, Nextcloud) or "#RGB" -> "#rrggbb"; empty when it is not a colour.
QString normalizedColor(const QString &text)
{
    static const QRegularExpression hex(QStringLiteral("^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$"));
    const QString color = text.trimmed();
    if (!hex.match(color).hasMatch())
        return {};
    if (color.size() == 4)
        return QString(u'#' + QString(color[1]).repeated(2) + QString(color[2]).repeated(2)
            + QString(color[3]).repeated(2))
            .toLower();
    return color.left(7).toLower();
}

bool grantsWriting(const DavProperty &privileges)
{
    const QStringList &granted = privileges.elements;
    // Radicale reports all/write/write-content; SabreDAV adds bind; Google lists write.
    return granted.contains(clark(davNs, u"all")) || granted.contains(clark(davNs, u"write"))
        || granted.contains(clark(davNs, u"write-content"));
}

QString text(const DavResponse &response, QStringView ns, QStringView name)
{
    const DavProperty *property = response.property(clark(ns, name));
    return property ? property->text.trimmed() : QString();
}

// iCalendar lines end in CRLF; XML parsers turn CRLF into LF, so put them back.
QByteArray calendarData(const QString &text)
{
    QByteArray data = text.trimmed().toUtf8();
    data.replace("\r\n", "\n");
    data.replace('\r', '\n');
    data.replace("\n", "\r\n");
    return data.isEmpty() ? data : data + "\r\n";
}

} // namespace

Result<Multistatus> parseMultistatus(const QByteArray &xml, const QUrl &requestUrl)
{
    return MultistatusReader(xml, requestUrl).read();
}

QStringList errorConditions(const QByteArray &xml)
{
    QXmlStreamReader reader(xml);
    QStringList conditions;
    if (!reader.readNextStartElement() || !isDav(reader, u"error"))
        return conditions;
    while (reader.readNextStartElement()) {
        conditions.append(clarkOf(reader));
        reader.skipCurrentElement();
    }
    return conditions;
}

QString hrefProperty(const Multistatus &multistatus, const QString &href, const QString &clarkName)
{
    const DavResponse *response = responseFor(multistatus, href);
    const DavProperty *property = response ? response->property(clarkName) : nullptr;
    return property ? property->hrefs.value(0) : QString();
}

QString textProperty(const Multistatus &multistatus, const QString &href, const QString &clarkName)
{
    const DavResponse *response = responseFor(multistatus, href);
    const DavProperty *property = response ? response->property(clarkName) : nullptr;
    return property ? property->text.trimmed() : QString();
}

bool hasResourceType(const Multistatus &multistatus, const QString &href, const QString &clarkName)
{
    const DavResponse *response = responseFor(multistatus, href);
    const DavProperty *type = response ? response->property(clark(davNs, u"resourcetype")) : nullptr;
    return type && type->elements.contains(clarkName);
}

QList<CalDavCalendar> calendars(const Multistatus &multistatus)
{
    QList<CalDavCalendar> result;
    const QString calendarType = clark(caldavNs, u"calendar");
    for (const DavResponse &response : multistatus.responses) {
        const DavProperty *type = response.property(clark(davNs, u"resourcetype"));
        if (!type || !type->elements.contains(calendarType) || response.href().isEmpty())
            continue;
        CalDavCalendar calendar;
        calendar.href = collectionHref(response.href());
        calendar.displayName = text(response, davNs, u"displayname");
        calendar.color = normalizedColor(text(response, appleIcalNs, u"calendar-color"));
        if (const DavProperty *set = response.property(clark(caldavNs, u"supported-calendar-component-set")))
            calendar.components = set->componentNames;
        calendar.ctag = text(response, calendarServerNs, u"getctag");
        calendar.syncToken = text(response, davNs, u"sync-token");
        if (const DavProperty *privileges = response.property(clark(davNs, u"current-user-privilege-set")))
            calendar.isWritable = grantsWriting(*privileges);
        if (calendar.supportsEvents())
            result.append(calendar);
    }
    return result;
}

QList<CalDavResource> resources(const Multistatus &multistatus, const QString &collection)
{
    QList<CalDavResource> result;
    const QString self = collectionHref(collection);
    for (const DavResponse &response : multistatus.responses) {
        if (response.isGone() || response.href().isEmpty() || collectionHref(response.href()) == self)
            continue;
        CalDavResource resource;
        resource.href = response.href();
        resource.etag = text(response, davNs, u"getetag");
        if (const DavProperty *data = response.property(clark(caldavNs, u"calendar-data")))
            resource.data = calendarData(data->text);
        result.append(resource);
    }
    return result;
}

QStringList goneHrefs(const Multistatus &multistatus)
{
    QStringList gone;
    for (const DavResponse &response : multistatus.responses) {
        if (response.isGone())
            gone += response.hrefs;
    }
    return gone;
}

CalDavChanges changes(const Multistatus &multistatus, const QString &collection)
{
    CalDavChanges result;
    result.syncToken = multistatus.syncToken;
    const QString self = collectionHref(collection);
    for (const DavResponse &response : multistatus.responses) {
        if (!response.hrefs.isEmpty() && collectionHref(response.href()) == self) {
            // RFC 6578 3.6: the collection itself with 507 means "more to come".
            result.isTruncated = result.isTruncated || response.status == 507;
            continue;
        }
        if (response.isGone())
            result.removed += response.hrefs;
    }
    result.changed = resources(multistatus, collection);
    return result;
}

} // namespace caldavxml
} // namespace fermata
