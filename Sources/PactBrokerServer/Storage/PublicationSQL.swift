/// The SQL both database drivers read pact publications with, joined with what the API shows of them: the same text
/// serves SQLite and PostgreSQL (their tables have the same names and columns).
enum PublicationSQL {
    /// The columns of a publication view, in the order the drivers' row readers take them.
    static let columns = """
        SELECT p.id, p.consumer_id, p.provider_id, p.consumer_version_id, p.pact_content_id, p.revision, p.created_at,
            c.id, c.name, c.display_name, c.main_branch, c.repository_url, c.created_at, c.updated_at,
            pr.id, pr.name, pr.display_name, pr.main_branch, pr.repository_url, pr.created_at, pr.updated_at,
            v.id, v.pacticipant_id, v.number, v.build_url, v.created_at,
            pc.id, pc.sha, pc.consumer_id, pc.provider_id, pc.content, pc.created_at
        """

    static let joins = """
        JOIN pacticipants c ON c.id = p.consumer_id
        JOIN pacticipants pr ON pr.id = p.provider_id
        JOIN versions v ON v.id = p.consumer_version_id
        JOIN pact_contents pc ON pc.id = p.pact_content_id
        """

    /// Keeps only each consumer version's latest revision (an index seek on consumer version, provider, revision).
    static let latestRevision = """
        p.revision = (SELECT MAX(p2.revision) FROM pact_publications p2
                      WHERE p2.consumer_version_id = p.consumer_version_id AND p2.provider_id = p.provider_id)
        """

    /// The joined columns of a publication view, for the latest revision of each consumer version's pact.
    static let select = columns + " FROM pact_publications p " + joins + " WHERE " + latestRevision
}
