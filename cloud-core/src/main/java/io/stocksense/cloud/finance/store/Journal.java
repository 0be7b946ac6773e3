package io.stocksense.cloud.finance.store;

import io.stocksense.cloud.documents.Sql;
import io.stocksense.cloud.finance.domain.JournalEntry;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Writes journal entries on the document's transaction. An unbalanced entry is a programming error
 * and is refused here; the database checks the balance again at commit (a deferred constraint
 * trigger), so no unbalanced entry can be stored by any path.
 */
public final class Journal {

    private Journal() {
    }

    /** Posts the entry; an entry without lines (a zero-value document) writes nothing and returns 0. */
    public static long post(Connection c, JournalEntry e) throws SQLException {
        if (!e.balanced()) {
            throw new IllegalStateException("journal entry for " + e.docRef() + " does not balance: debits " + e.debits()
                    + " <> credits " + e.credits());
        }
        if (e.lines().isEmpty()) {
            return 0;
        }
        long id = Sql.insert(c, "INSERT INTO journal_entry (entry_date, doc_type, doc_ref, memo) VALUES (?, ?, ?, ?) RETURNING id",
                e.date(), e.docType(), e.docRef(), e.memo());
        int no = 1;
        for (JournalEntry.Line l : e.lines()) {
            Sql.update(c, "INSERT INTO journal_line (entry_id, line_no, account, debit, credit, party) VALUES (?, ?, ?, ?, ?, ?)",
                    id, no++, l.account(), l.debit(), l.credit(), l.party());
        }
        return id;
    }
}
