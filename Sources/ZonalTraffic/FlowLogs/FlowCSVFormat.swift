/// Zonal's CSV flow format, for sites that keep flow records (NetFlow/IPFIX exports, firewall logs) instead of captures.
///
/// One header line, exactly `FlowCSVFormat.header`, then one flow per line: times in Unix seconds (decimals allowed),
/// `src` is the side that opened the connection, `transport` is tcp or udp, `protocol` a model protocol name or empty.
public enum FlowCSVFormat {
    public static let header = "first_seen,last_seen,src,src_port,dst,dst_port,transport,protocol,packets,bytes"
}
