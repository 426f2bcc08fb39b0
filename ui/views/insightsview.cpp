#include "views/insightsview.h"

#include "insights/insightstakeaways.h"
#include "insightscsv.h"
#include "attention/focussession.h"
#include "planning/planningservice.h"
#include "settings/preferences.h"
#include "time/clock.h"
#include "uicontext.h"
#include "views/insights/insightscard.h"
#include "views/insights/insightscharts.h"
#include "views/insights/insightsrangepicker.h"
#include "views/insights/insightssource.h"
#include "widgets/emptystate.h"
#include "widgets/themedicon.h"

#include <QChart>
#include <QEvent>
#include <QFileDialog>
#include <QSaveFile>
#include <QStandardPaths>
#include <QDir>
#include <QGridLayout>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace fermata {

namespace {

// Two columns once each card can be this wide; one below (1024 px windows get one column).
constexpr int twoColumnCardWidth = 460;
constexpr int gridSpacing = 12;

bool hasFocusTime(const InsightsReport &report)
{
    for (const DayInsight &day : report.days) {
        if (day.deepWorkMinutes > 0)
            return true;
    }
    return false;
}

// Per source, the rules that let notifications through: "Mail: 2 from VIPs, 1 marked critical".
QString letThroughNote(const InsightsReport &report)
{
    QStringList lines;
    for (const SourceInterruptions &source : report.sources) {
        QStringList parts;
        for (auto it = source.letThroughByRule.cbegin(); it != source.letThroughByRule.cend(); ++it)
            parts.append(QStringLiteral("%1 %2").arg(it.value()).arg(Takeaways::ruleWords(it.key())));
        if (!parts.isEmpty())
            lines.append(InsightsView::tr("%1 let through: %2").arg(source.source, parts.join(QStringLiteral(", "))));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

InsightsView::InsightsView(const UiContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_source(context.insights)
    , m_picker(new InsightsRangePicker(this))
    , m_status(new QLabel(this))
    , m_pages(new QStackedWidget(this))
    , m_empty(new EmptyState(ThemedIcon::fromResource(QStringLiteral("insights")),
                             tr("No focus time recorded yet"),
                             tr("Once you work through planned focus blocks, your deep-work hours, longest unbroken stretch and held notifications show up here."),
                             this))
    , m_area(new QScrollArea(this))
{
    setObjectName(QStringLiteral("insightsView"));
    m_status->setObjectName(QStringLiteral("insightsStatus"));
    m_status->setForegroundRole(QPalette::PlaceholderText);

    auto *header = new QHBoxLayout;
    header->setContentsMargins(16, 10, 16, 6);
    header->addWidget(m_picker, 1);
    header->addWidget(m_status);

    auto *charts = new QWidget(m_area);
    charts->setObjectName(QStringLiteral("insightsCharts"));
    m_grid = new QGridLayout(charts);
    m_grid->setContentsMargins(16, 6, 16, 16);
    m_grid->setSpacing(gridSpacing);
    const QStringList titles{tr("Deep work"), tr("Planned versus done"), tr("Longest unbroken stretch"),
                             tr("Interruptions"), tr("Meetings versus focus"), tr("Estimate accuracy")};
    for (const QString &title : titles)
        m_cards.append(new InsightsCard(title, charts));
    m_area->setObjectName(QStringLiteral("insightsArea"));
    m_area->setWidget(charts);
    m_area->setWidgetResizable(true);
    m_area->setFrameShape(QFrame::NoFrame);
    m_area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // cards narrow instead
    m_area->viewport()->installEventFilter(this);

    m_pages->addWidget(m_empty);
    m_pages->addWidget(m_area);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(m_pages, 1);
    relayout();

    m_picker->setToday(m_context.clock.now().toTimeZone(m_context.preferences.timeZone()).date());
    connect(m_picker, &InsightsRangePicker::rangeChanged, this, [this] {
        if (isVisible())
            refresh();
    });
    // New figures while the view is open: a focus session ended, or a plan moved blocks.
    const auto changed = [this] {
        if (isVisible())
            refresh();
    };
    if (m_context.focus)
        connect(m_context.focus, &FocusSession::changed, this, changed);
    connect(&m_context.planning, &PlanningService::blocksChanged, this, changed);
    if (m_source) {
        connect(m_source, &InsightsSource::reportReady, this, [this](quint64 request, const InsightsReport &report) {
            if (request != m_pending)
                return; // an older range's answer
            m_pending = 0;
            m_status->clear();
            setReport(report);
            Q_EMIT reportShown();
        });
        connect(m_source, &InsightsSource::reportFailed, this, [this](quint64 request, const QString &message) {
            if (request != m_pending)
                return;
            m_pending = 0;
            m_status->setText(tr("Could not read the figures: %1").arg(message));
            disconnect(this, &InsightsView::reportShown, this, &InsightsView::exportCsv);
        });
    }
}

bool InsightsView::isShowingCharts() const
{
    return m_pages->currentWidget() == m_area;
}

void InsightsView::setReport(const InsightsReport &report)
{
    m_report = report;
    const bool any = hasFocusTime(report);
    m_pages->setCurrentWidget(any ? static_cast<QWidget *>(m_area) : m_empty);
    if (any)
        buildCharts();
}

void InsightsView::refresh()
{
    if (!m_source)
        return;
    m_status->setText(tr("Reading…"));
    m_pending = m_source->request(m_picker->first(), m_picker->last(), m_context.preferences.timeZone(),
                                  m_context.preferences.workingHours());
}

void InsightsView::exportCsv()
{
    if (m_pending) {
        connect(this, &InsightsView::reportShown, this, &InsightsView::exportCsv,
                Qt::ConnectionType(Qt::SingleShotConnection | Qt::UniqueConnection));
        return;
    }
    const QString name = QStringLiteral("fermata-insights-%1-%2.csv")
                             .arg(m_picker->first().toString(Qt::ISODate), m_picker->last().toString(Qt::ISODate));
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Insights"), QDir(folder).filePath(name),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (const QString error = writeCsv(path); !error.isEmpty())
        Q_EMIT exportFailed(error);
}

QString InsightsView::writeCsv(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return tr("Could not write %1: %2. Choose a folder you can write to.").arg(path, file.errorString());
    }
    file.write(insightsCsv(m_report).toUtf8());
    if (!file.commit())
        return tr("Could not write %1: %2. Check there is room on the disk.").arg(path, file.errorString());
    return QString();
}

void InsightsView::buildCharts()
{
    using namespace InsightsCharts;
    const QPalette colors = palette();
    const auto show = [this](Chart which, QChart *chart, const QString &takeaway) {
        InsightsCard *target = card(which);
        target->setChart(chart);
        target->setTakeaway(takeaway);
    };
    show(Chart::DeepWork, deepWork(m_report, colors), Takeaways::deepWork(m_report));
    show(Chart::PlannedVersusDone, plannedVersusDone(m_report, colors), Takeaways::plannedVersusDone(m_report));
    show(Chart::LongestStretch, longestStretch(m_report, colors), Takeaways::unbrokenStretches(m_report));
    show(Chart::Interruptions, interruptions(m_report, colors), Takeaways::interruptions(m_report));
    show(Chart::MeetingsVersusFocus, meetingsVersusFocus(m_report, colors), Takeaways::meetingsVersusFocus(m_report));
    show(Chart::EstimateAccuracy, estimateAccuracy(m_report, colors), Takeaways::estimateAccuracy(m_report));
    card(Chart::Interruptions)->setNote(letThroughNote(m_report));
}

void InsightsView::relayout()
{
    const int available = m_area->viewport()->width() - m_grid->contentsMargins().left()
        - m_grid->contentsMargins().right();
    const int columns = available >= 2 * twoColumnCardWidth + gridSpacing ? 2 : 1;
    if (columns == m_columns)
        return;
    m_columns = columns;
    for (InsightsCard *card : std::as_const(m_cards))
        m_grid->removeWidget(card);
    for (int i = 0; i < m_cards.size(); ++i)
        m_grid->addWidget(m_cards[i], i / columns, i % columns);
    for (int c = 0; c < 2; ++c)
        m_grid->setColumnStretch(c, c < columns ? 1 : 0);
}

void InsightsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // The figures change with every focus session: read them again each time the view opens.
    m_picker->setToday(m_context.clock.now().toTimeZone(m_context.preferences.timeZone()).date());
    refresh();
}

bool InsightsView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_area->viewport() && event->type() == QEvent::Resize)
        relayout(); // the viewport's width, not the view's: the scroll bar takes its share
    return QWidget::eventFilter(watched, event);
}

void InsightsView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && isShowingCharts())
        buildCharts(); // chart colours come from the palette
}

} // namespace fermata
