package community.ivsrealtime.emulator.service;

/** One replication of a source participant into a destination stage. */
final class Replica {
    final String sourceStageArn;
    final String participantId;
    final String sourceSessionId;
    final String destinationStageArn;
    final String destinationSessionId;
    final Participant source;
    final Participant destination;
    String state = "ACTIVE";

    Replica(String sourceStageArn, String participantId, String sourceSessionId, String destinationStageArn,
            String destinationSessionId, Participant source, Participant destination) {
        this.sourceStageArn = sourceStageArn;
        this.participantId = participantId;
        this.sourceSessionId = sourceSessionId;
        this.destinationStageArn = destinationStageArn;
        this.destinationSessionId = destinationSessionId;
        this.source = source;
        this.destination = destination;
    }

    com.fasterxml.jackson.databind.node.ObjectNode node() {
        com.fasterxml.jackson.databind.node.ObjectNode o = Json.obj();
        o.put("sourceStageArn", sourceStageArn);
        o.put("participantId", participantId);
        o.put("sourceSessionId", sourceSessionId);
        o.put("destinationStageArn", destinationStageArn);
        o.put("destinationSessionId", destinationSessionId);
        o.put("replicationState", state);
        return o;
    }
}
