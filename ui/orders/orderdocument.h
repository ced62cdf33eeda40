#pragma once

#include "domain/records.h"
#include "orders/orderformat.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

class QPagedPaintDevice;
class QTextDocument;

namespace sk {

// An order's invoice or packing slip, in the shop's locale with amounts in the order's
// currency: rendered to rich text (QTextDocument), printed on a QPrinter, or saved as PDF
// (QPdfWriter). A packing slip shows no prices. Pages are Letter in the US and Canada and
// A4 elsewhere.
class OrderDocument
{
    Q_DECLARE_TR_FUNCTIONS(sk::OrderDocument)

public:
    enum class Kind { Invoice, PackingSlip };

    OrderDocument(Kind kind, const OrderDetail &detail, const OrderFormat &format);
    ~OrderDocument();

    Kind kind() const { return m_kind; }
    // "Invoice #1001".
    QString title() const;
    // "invoice-1001.pdf".
    QString suggestedFileName() const;
    QString html() const;
    // The document laid out as it prints.
    std::unique_ptr<QTextDocument> textDocument() const;

    // Onto a QPrinter, a QPdfWriter or any paged device.
    void print(QPagedPaintDevice *device) const;
    // "ui.orders.pdf_write" naming the path when the file cannot be written.
    Result<void> savePdf(const QString &path) const;

private:
    QString headerHtml() const;

    Kind m_kind;
    OrderDetail m_detail;
    OrderFormat m_format;
};

} // namespace sk
