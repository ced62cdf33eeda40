// HttpResponse: the error shape and the mapping from error codes to HTTP statuses.

#include "http/httpmessage.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace sk;
using namespace sk::server;
using namespace Qt::StringLiterals;

class tst_HttpMessage : public QObject
{
    Q_OBJECT

private slots:
    void errorShape()
    {
        const HttpResponse response = HttpResponse::error(409, u"conflict.last_owner"_s, u"Keep an owner."_s);
        QCOMPARE(response.status, 409);
        QCOMPARE(response.contentType, QByteArray("application/json"));
        const QJsonObject error = QJsonDocument::fromJson(response.body).object().value(u"error"_s).toObject();
        QCOMPARE(error.value(u"code"_s).toString(), u"conflict.last_owner"_s);
        QCOMPARE(error.value(u"message"_s).toString(), u"Keep an owner."_s);
        QVERIFY(!error.contains(u"field"_s));

        const HttpResponse withField = HttpResponse::error(400, u"validation.invalid_field"_s, u"Bad."_s, u"role"_s);
        QCOMPARE(QJsonDocument::fromJson(withField.body)["error"_L1]["field"_L1].toString(), u"role"_s);
    }

    void statusForCodes_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("status");
        QTest::newRow("validation") << u"validation.invalid_field"_s << 400;
        QTest::newRow("malformed") << u"malformed_json"_s << 400;
        QTest::newRow("auth") << u"auth.token_expired"_s << 401;
        QTest::newRow("forbidden") << u"forbidden.role"_s << 403;
        QTest::newRow("not found") << u"not_found.shop"_s << 404;
        QTest::newRow("conflict") << u"conflict.last_owner"_s << 409;
        QTest::newRow("out of order") << u"out_of_order"_s << 409;
        QTest::newRow("cursor") << u"cursor_expired"_s << 410;
        QTest::newRow("too large") << u"payload_too_large"_s << 413;
        QTest::newRow("upgrade") << u"upgrade_required"_s << 426;
        QTest::newRow("rate") << u"rate_limited"_s << 429;
        QTest::newRow("anything else") << u"sqlite.busy"_s << 500;
    }

    void statusForCodes()
    {
        QFETCH(QString, code);
        QFETCH(int, status);
        QCOMPARE(HttpResponse::statusFor(code), status);
    }

    void fromErrorKeepsTheFieldOfValidationErrors()
    {
        const HttpResponse response =
            HttpResponse::fromError(makeError(u"validation.missing_field"_s, u"The name is missing."_s, u"name"_s));
        QCOMPARE(response.status, 400);
        const QJsonObject error = QJsonDocument::fromJson(response.body).object().value(u"error"_s).toObject();
        QCOMPARE(error.value(u"field"_s).toString(), u"name"_s);
        QCOMPARE(error.value(u"message"_s).toString(), u"The name is missing."_s);
    }

    void fromErrorSpeaksTheWireCodeForMalformedJson()
    {
        const HttpResponse response =
            HttpResponse::fromError(makeError(u"validation.malformed_json"_s, u"Broken."_s, u"offset 3"_s));
        QCOMPARE(response.status, 400);
        const QJsonObject error = QJsonDocument::fromJson(response.body).object().value(u"error"_s).toObject();
        QCOMPARE(error.value(u"code"_s).toString(), u"malformed_json"_s);
        QVERIFY(!error.contains(u"field"_s));
    }

    void fromErrorHidesInternalDetail()
    {
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"internal error"_s));
        const HttpResponse response = HttpResponse::fromError(
            makeError(u"sqlite.constraint"_s, u"UNIQUE failed"_s, u"INSERT INTO users (secret) VALUES (?)"_s));
        QCOMPARE(response.status, 500);
        QVERIFY2(!response.body.contains("INSERT") && !response.body.contains("UNIQUE"), response.body.constData());
        QCOMPARE(QJsonDocument::fromJson(response.body)["error"_L1]["code"_L1].toString(), u"internal"_s);
    }
};

QTEST_GUILESS_MAIN(tst_HttpMessage)
#include "tst_httpmessage.moc"
