package dev.feedwright.liveness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AddressGuardTest {

    private final AddressGuard guard = new AddressGuard(false);

    private static InetAddress address(String literal) {
        InetAddress address = AddressGuard.literal(literal);
        assertThat(address).as(literal).isNotNull();
        return address;
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "10.0.0.1", "172.16.5.4", "172.31.255.255", "192.168.1.1",
        "169.254.169.254", "0.0.0.0", "100.64.0.1", "224.0.0.251", "239.255.255.250", "255.255.255.255", "198.18.0.1",
        "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1",
        "64:ff9b::a00:1", "64:ff9b:1::7f00:1", "64:ff9b:1:ffff::808:808",
        "0.1.2.3", "100.127.255.254", "192.0.0.8", "198.19.255.254", "240.0.0.1", "254.1.1.1"})
    void refusesNonPublicAddresses(String literal) {
        assertThat(guard.allows(address(literal))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111",
        "::ffff:8.8.8.8", "64:ff9b::808:808", "64:ff9b:2::1",
        "1.0.0.1", "99.64.0.1", "100.63.255.254", "101.64.0.1", "191.0.0.1", "192.0.1.1", "192.1.0.1",
        "197.18.0.1", "198.17.255.254", "198.20.0.1", "223.255.255.254", "2606:4700::ffff:a00:1"})
    void allowsPublicAddresses(String literal) {
        assertThat(guard.allows(address(literal))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"::127.0.0.1", "::7f00:1", "::10.0.0.1", "::8.8.8.8", "::0.0.0.2", "::ffff:0:1"})
    void refusesTheDeprecatedIpv4CompatibleForm(String literal) {
        // ::a.b.c.d (RFC 4291 2.5.5.1, deprecated): no public service uses it, and where a stack
        // still routes it to its IPv4 address, ::127.0.0.1 would reach loopback.
        assertThat(guard.allows(address(literal))).as(literal).isFalse();
    }

    @Test
    void allowsEverythingWhenPrivateAddressesAreAllowed() {
        assertThat(new AddressGuard(true).allows(address("127.0.0.1"))).isTrue();
        assertThat(new AddressGuard(true).allows(address("10.1.1.1"))).isTrue();
    }

    /**
     * A resolver other than the JDK's may hand over an IPv4-mapped address as an Inet6Address
     * (the JDK turns it into an Inet4Address): the IPv4 address inside is what gets connected to.
     */
    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "169.254.169.254", "192.168.1.1", "0.0.0.0"})
    void refusesANonPublicIpv4AddressMappedInsideAnInet6Address(String v4) throws UnknownHostException {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        System.arraycopy(address(v4).getAddress(), 0, bytes, 12, 4);
        InetAddress mapped = Inet6Address.getByAddress(null, bytes, -1);
        assertThat(mapped).isInstanceOf(Inet6Address.class);

        assertThat(guard.allows(mapped)).as(mapped.getHostAddress()).isFalse();
    }

    @Test
    void allowsAPublicIpv4AddressMappedInsideAnInet6Address() throws UnknownHostException {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        System.arraycopy(address("8.8.8.8").getAddress(), 0, bytes, 12, 4);

        assertThat(guard.allows(Inet6Address.getByAddress(null, bytes, -1))).isTrue();
    }

    @Test
    void readsIpLiteralsWithoutLookingNamesUp() {
        assertThat(AddressGuard.literal("[::1]")).isNotNull();
        assertThat(AddressGuard.literal("news.example")).isNull();
        assertThat(AddressGuard.literal("1.2.3.256")).isNull();
        assertThat(AddressGuard.literal("1.2.3.4.5")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2130706433", "127.1", "127.0.1", "0", "0177.0.0.1", "167772161", "10.1",
        "4294967295", "1.16777215", "1.2.65535", "255.255.255.255"})
    void readsTheShortAndDecimalIpv4FormsAsTheJdkDoes(String host) throws UnknownHostException {
        assertThat(AddressGuard.isIpLiteral(host)).isTrue();
        assertThat(AddressGuard.literal(host)).isEqualTo(InetAddress.getByName(host));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4294967296", "1.16777216", "127..1", "1.2.3.4.", "0000000002130706433",
        "1.256.3.4", "256.1", "1.2.256.4", "1.2.3.4.0"})
    void readsNoAddressFromDigitsTheJdkWouldLookUp(String host) {
        assertThat(AddressGuard.isIpLiteral(host)).isTrue();
        assertThat(AddressGuard.literal(host)).isNull();
    }

    @Test
    void dnsRefusesANameThatResolvesOnlyToPrivateAddresses() {
        GuardedDns dns = new GuardedDns(new FakeDns().map("intranet.example", "10.0.0.7", "192.168.0.2"), guard);

        assertThatThrownBy(() -> dns.lookup("intranet.example"))
                .isInstanceOf(RefusedAddressException.class)
                .hasMessageContaining("intranet.example resolves only to non-public addresses (10.0.0.7");
        // Says nothing of whether names resolve on the internet (see NetworkDownTest).
        assertThat(dns.resolvedNames()).isZero();
    }

    @Test
    void dnsNamesTheOnlyAddressOfARefusedName() {
        GuardedDns dns = new GuardedDns(new FakeDns().map("printer.example", "192.168.0.9"), guard);

        assertThatThrownBy(() -> dns.lookup("printer.example")).isInstanceOf(RefusedAddressException.class)
                .hasMessage("printer.example resolves only to non-public addresses (192.168.0.9)");
    }

    @Test
    void dnsSaysMoreAddressesFollowTheFirstOfARefusedName() {
        GuardedDns dns = new GuardedDns(new FakeDns().map("intranet.example", "10.0.0.7", "192.168.0.2"), guard);

        assertThatThrownBy(() -> dns.lookup("intranet.example")).isInstanceOf(RefusedAddressException.class)
                .hasMessage("intranet.example resolves only to non-public addresses (10.0.0.7, ...)");
    }

    @Test
    void dnsTakesAnEmptyAnswerForANameThatDoesNotResolve() {
        GuardedDns dns = new GuardedDns(hostname -> List.of(), guard);

        assertThatThrownBy(() -> dns.lookup("empty.example")).isInstanceOf(UnknownHostException.class)
                .isNotInstanceOf(RefusedAddressException.class)
                .hasMessage("empty.example: no addresses");
        assertThat(dns.resolvedNames()).isZero();
    }

    @Test
    void dnsKeepsOnlyThePublicAddressesOfAMixedAnswer() throws UnknownHostException {
        GuardedDns dns = new GuardedDns(new FakeDns().map("rebind.example", "127.0.0.1", "93.184.215.14"), guard);

        List<InetAddress> addresses = dns.lookup("rebind.example");

        assertThat(addresses).extracting(InetAddress::getHostAddress).containsExactly("93.184.215.14");
    }

    @Test
    void dnsCountsOnlyNamesThatResolved() {
        GuardedDns dns = new GuardedDns(new FakeDns(), guard);

        assertThatThrownBy(() -> dns.lookup("nowhere.example")).isInstanceOf(UnknownHostException.class)
                .isNotInstanceOf(RefusedAddressException.class);
        assertThat(dns.resolvedNames()).isZero();
    }
}
